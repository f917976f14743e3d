# @title FastAPI endpoints using an async SQLAlchemy session for tasks
# @tags fastapi, sqlalchemy, async, crud, select, session
# @stack fastapi, sqlalchemy, python
from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from .dependencies import DbSession
from .sqlalchemy_models import Task

router = APIRouter(prefix="/db/tasks")


@router.get("/")
async def list_open_tasks(session: DbSession) -> list[dict[str, object]]:
    rows = await session.scalars(select(Task).where(Task.done.is_(False)).order_by(Task.id))
    return [{"id": t.id, "title": t.title} for t in rows]


@router.post("/{task_id}/complete", status_code=204)
async def complete_task(task_id: int, session: DbSession) -> None:
    task = await session.get(Task, task_id)
    if task is None:
        raise HTTPException(status_code=404, detail="task not found")
    task.done = True
    await session.commit()
