# @title Version a FastAPI API with prefixed routers (v1 and v2)
# @tags fastapi, versioning, routers, api design
# @stack fastapi, python
from fastapi import APIRouter, FastAPI

v1 = APIRouter(prefix="/v1")
v2 = APIRouter(prefix="/v2")


@v1.get("/tasks/{task_id}")
def get_task_v1(task_id: int) -> dict[str, object]:
    return {"id": task_id, "name": "legacy name field"}


@v2.get("/tasks/{task_id}")
def get_task_v2(task_id: int) -> dict[str, object]:
    return {"id": task_id, "title": "renamed to title", "links": {"self": f"/v2/tasks/{task_id}"}}


def mount_versions(app: FastAPI) -> None:
    app.include_router(v1)
    app.include_router(v2)
