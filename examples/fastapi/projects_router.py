# @title Nested FastAPI routes for projects and task assignments
# @tags fastapi, nested routes, projects, assignments, path parameters
# @stack fastapi, pydantic, python
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

router = APIRouter(prefix="/projects", tags=["projects"])


class Assignment(BaseModel):
    task_id: int
    user_id: int


_assignments: dict[int, list[Assignment]] = {}


@router.get("/{project_id}/assignments", response_model=list[Assignment])
def list_assignments(project_id: int) -> list[Assignment]:
    return _assignments.get(project_id, [])


@router.post("/{project_id}/assignments", response_model=Assignment, status_code=201)
def assign(project_id: int, body: Assignment) -> Assignment:
    current = _assignments.setdefault(project_id, [])
    if any(a.task_id == body.task_id for a in current):
        raise HTTPException(status_code=409, detail="task already assigned")
    current.append(body)
    return body
