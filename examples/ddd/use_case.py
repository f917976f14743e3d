# @title Application service in Python: add a member to a project and publish events
# @tags ddd, application service, use case, python, events
# @stack ddd, python
from collections.abc import Callable

from .project_aggregate import MemberAdded
from .repository_protocol import ProjectRepository


class AddMember:
    def __init__(self, projects: ProjectRepository, publish: Callable[[list[MemberAdded]], None]) -> None:
        self.projects = projects
        self.publish = publish

    def __call__(self, project_id: str, user_id: str) -> None:
        project = self.projects.get(project_id)
        if project is None:
            raise LookupError(f"project {project_id} not found")
        project.add_member(user_id)
        self.projects.save(project)
        self.publish(project.pull_events())
