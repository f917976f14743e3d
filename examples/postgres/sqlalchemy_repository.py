# @title Generic async SQLAlchemy repository for PostgreSQL entities
# @tags postgres, sqlalchemy, repository, generics, async session
# @stack postgres, sqlalchemy, python
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

M = TypeVar("M", bound=DeclarativeBase)


class Repository(Generic[M]):
    def __init__(self, session: AsyncSession, model: type[M]) -> None:
        self.session = session
        self.model = model

    async def get(self, entity_id: object) -> M | None:
        return await self.session.get(self.model, entity_id)

    async def list(self, limit: int = 50, offset: int = 0) -> list[M]:
        result = await self.session.scalars(select(self.model).limit(limit).offset(offset))
        return list(result)

    async def add(self, entity: M) -> M:
        self.session.add(entity)
        await self.session.flush()
        return entity
