# @title pytest tests for a DDD aggregate's invariants and events
# @tags testing, pytest, ddd, aggregate, domain events
# @stack pytest, python
import pytest

from examples.ddd.project_aggregate import MemberAdded, Project


def test_adding_a_member_records_an_event() -> None:
    project = Project(id="p1", name="Apollo")
    project.add_member("u1")
    assert project.pull_events() == [MemberAdded("p1", "u1")]
    assert project.pull_events() == []


def test_adding_twice_is_idempotent() -> None:
    project = Project(id="p1", name="Apollo")
    project.add_member("u1")
    project.add_member("u1")
    assert len(project.pull_events()) == 1


def test_full_project_refuses_members() -> None:
    project = Project(id="p1", name="Apollo", max_members=1)
    project.add_member("u1")
    with pytest.raises(ValueError, match="is full"):
        project.add_member("u2")
