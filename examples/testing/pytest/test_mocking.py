# @title unittest.mock in pytest: Mock collaborators and assert calls in a use case
# @tags testing, pytest, unittest.mock, mock, assert_called_once_with
# @stack pytest, python
from unittest.mock import Mock

import pytest

from examples.ddd.project_aggregate import Project
from examples.ddd.use_case import AddMember


def test_add_member_saves_and_publishes() -> None:
    project = Project(id="p1", name="Apollo")
    repo = Mock()
    repo.get.return_value = project
    publish = Mock()

    AddMember(repo, publish)("p1", "u7")

    repo.save.assert_called_once_with(project)
    publish.assert_called_once()
    assert publish.call_args.args[0][0].user_id == "u7"


def test_unknown_project_raises() -> None:
    repo = Mock()
    repo.get.return_value = None
    with pytest.raises(LookupError):
        AddMember(repo, Mock())("missing", "u1")
