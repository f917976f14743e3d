# @title FastAPI dependency injection: a database session per request and a current user
# @tags fastapi, dependencies, depends, session, current user, auth
# @stack fastapi, sqlalchemy, python
from typing import Annotated, AsyncIterator

from fastapi import Depends, Header, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

SessionFactory = async_sessionmaker(expire_on_commit=False)


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionFactory() as session:
        yield session


async def current_user_id(authorization: Annotated[str | None, Header()] = None) -> str:
    if not authorization or not authorization.startswith("Bearer "):
        raise HTTPException(status_code=401, detail="authentication required")
    return authorization.removeprefix("Bearer ")


DbSession = Annotated[AsyncSession, Depends(get_session)]
CurrentUser = Annotated[str, Depends(current_user_id)]
