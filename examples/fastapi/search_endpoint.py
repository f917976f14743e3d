# @title Search endpoint with optional filters, sorting and validated query parameters
# @tags fastapi, search, filtering, sorting, query parameters, enum
# @stack fastapi, pydantic, python
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query

router = APIRouter()


class SortField(str, Enum):
    created = "created"
    title = "title"


TASKS = [{"title": "write tests", "created": 2, "done": False}, {"title": "ship", "created": 1, "done": True}]


@router.get("/search")
def search_tasks(
    q: Annotated[str, Query(min_length=1, max_length=100)],
    done: bool | None = None,
    sort: SortField = SortField.created,
) -> list[dict[str, object]]:
    hits = [t for t in TASKS if q.lower() in str(t["title"]).lower()]
    if done is not None:
        hits = [t for t in hits if t["done"] is done]
    return sorted(hits, key=lambda t: t[sort.value])
