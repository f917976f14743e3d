# @title FastAPI users endpoints with a service dependency and 409 on duplicate email
# @tags fastapi, users, router, service, dependency injection, conflict
# @stack fastapi, pydantic, python
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, EmailStr


class UserIn(BaseModel):
    email: EmailStr
    name: str


class UserOut(UserIn):
    id: int


class UserService:
    def __init__(self) -> None:
        self._users: dict[int, UserOut] = {}

    def create(self, data: UserIn) -> UserOut:
        if any(u.email == data.email for u in self._users.values()):
            raise ValueError("email already registered")
        user = UserOut(id=len(self._users) + 1, **data.model_dump())
        self._users[user.id] = user
        return user


_service = UserService()
router = APIRouter(prefix="/users", tags=["users"])


def get_user_service() -> UserService:
    return _service


@router.post("/", response_model=UserOut, status_code=201)
def register(body: UserIn, users: Annotated[UserService, Depends(get_user_service)]) -> UserOut:
    try:
        return users.create(body)
    except ValueError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from exc
