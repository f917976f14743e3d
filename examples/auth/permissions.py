# @title Permission checks for project resources as a FastAPI dependency
# @tags auth, authorization, permissions, fastapi, dependency, 403
# @stack fastapi, python
from enum import Enum
from typing import Annotated

from fastapi import Depends, HTTPException, Path


class Role(str, Enum):
    viewer = "viewer"
    editor = "editor"
    owner = "owner"


RANK = {Role.viewer: 0, Role.editor: 1, Role.owner: 2}
MEMBERSHIPS: dict[tuple[int, str], Role] = {}


def current_user() -> str:
    return "ada"


def require_project_role(minimum: Role):
    def check(project_id: Annotated[int, Path()], user: Annotated[str, Depends(current_user)]) -> Role:
        role = MEMBERSHIPS.get((project_id, user))
        if role is None or RANK[role] < RANK[minimum]:
            raise HTTPException(status_code=403, detail=f"needs {minimum.value} access to project {project_id}")
        return role

    return check
