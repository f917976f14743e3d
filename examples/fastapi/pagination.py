# @title Limit/offset pagination for FastAPI list endpoints with a generic Page model
# @tags fastapi, pagination, generics, pydantic, query parameters
# @stack fastapi, pydantic, python
from typing import Generic, Sequence, TypeVar

from fastapi import Query
from pydantic import BaseModel

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


class PageParams:
    def __init__(self, limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0)) -> None:
        self.limit = limit
        self.offset = offset


def paginate(items: Sequence[T], params: PageParams) -> Page[T]:
    window = list(items[params.offset : params.offset + params.limit])
    return Page(items=window, total=len(items), limit=params.limit, offset=params.offset)
