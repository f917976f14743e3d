# @title pytest parametrized tests for a pagination helper with ids for readable output
# @tags testing, pytest, parametrize, ids, pagination
# @stack pytest, python
import pytest

from examples.fastapi.pagination import PageParams, paginate


def params(limit: int, offset: int) -> PageParams:
    p = PageParams.__new__(PageParams)
    p.limit, p.offset = limit, offset
    return p


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [(2, 0, [0, 1]), (2, 2, [2, 3]), (2, 4, [4]), (5, 10, [])],
    ids=["first page", "second page", "last partial page", "past the end"],
)
def test_windows(limit: int, offset: int, expected: list[int]) -> None:
    page = paginate(list(range(5)), params(limit, offset))
    assert page.items == expected
    assert page.total == 5
