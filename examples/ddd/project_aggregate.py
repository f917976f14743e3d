# @title Project aggregate in Python with members, invariants and domain events
# @tags ddd, aggregate, python, dataclass, domain events, invariants
# @stack ddd, python
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MemberAdded:
    project_id: str
    user_id: str


@dataclass
class Project:
    id: str
    name: str
    max_members: int = 10
    members: set[str] = field(default_factory=set)
    events: list[MemberAdded] = field(default_factory=list)

    def add_member(self, user_id: str) -> None:
        if user_id in self.members:
            return
        if len(self.members) >= self.max_members:
            raise ValueError(f"project {self.id} is full")
        self.members.add(user_id)
        self.events.append(MemberAdded(self.id, user_id))

    def remove_member(self, user_id: str) -> None:
        self.members.discard(user_id)

    def pull_events(self) -> list[MemberAdded]:
        events, self.events = self.events, []
        return events
