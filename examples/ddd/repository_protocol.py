# @title Repository protocol for an aggregate and an in-memory implementation in Python
# @tags ddd, repository, protocol, typing, in-memory, ports and adapters
# @stack ddd, python
from typing import Protocol

from .project_aggregate import Project


class ProjectRepository(Protocol):
    def get(self, project_id: str) -> Project | None: ...

    def save(self, project: Project) -> None: ...


class InMemoryProjectRepository:
    def __init__(self) -> None:
        self._items: dict[str, Project] = {}

    def get(self, project_id: str) -> Project | None:
        return self._items.get(project_id)

    def save(self, project: Project) -> None:
        self._items[project.id] = project
