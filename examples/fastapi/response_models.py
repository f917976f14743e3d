# @title Separate input, update and output Pydantic models for a FastAPI resource
# @tags fastapi, pydantic, response model, schemas, partial update
# @stack fastapi, pydantic, python
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ProjectBase(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    description: str = ""


class ProjectCreate(ProjectBase):
    pass


class ProjectUpdate(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    description: str | None = None


class ProjectOut(ProjectBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime


def apply_update(current: ProjectOut, patch: ProjectUpdate) -> ProjectOut:
    return current.model_copy(update=patch.model_dump(exclude_unset=True))
