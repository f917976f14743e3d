# @title FastAPI router with CRUD endpoints for tasks using Pydantic models
# @tags fastapi, router, crud, pydantic, rest, tasks, 404
# @stack fastapi, pydantic, python
from uuid import UUID, uuid4

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, Field

router = APIRouter()


class TaskIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    done: bool = False


class Task(TaskIn):
    id: UUID


_tasks: dict[UUID, Task] = {}


@router.get("/", response_model=list[Task])
async def list_tasks() -> list[Task]:
    return list(_tasks.values())


@router.post("/", response_model=Task, status_code=status.HTTP_201_CREATED)
async def create_task(body: TaskIn) -> Task:
    task = Task(id=uuid4(), **body.model_dump())
    _tasks[task.id] = task
    return task


@router.get("/{task_id}", response_model=Task)
async def get_task(task_id: UUID) -> Task:
    task = _tasks.get(task_id)
    if task is None:
        raise HTTPException(status_code=404, detail="task not found")
    return task


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_task(task_id: UUID) -> None:
    if _tasks.pop(task_id, None) is None:
        raise HTTPException(status_code=404, detail="task not found")
