# @title pytest tests for value objects with pytest.raises and parametrize
# @tags testing, pytest, parametrize, raises, value object
# @stack pytest, python
from decimal import Decimal

import pytest

from examples.ddd.value_objects import EmailAddress, Money


@pytest.mark.parametrize("raw", ["ada@example.org", "  ADA@Example.org "])
def test_email_is_normalised(raw: str) -> None:
    assert EmailAddress(raw).value == "ada@example.org"


@pytest.mark.parametrize("raw", ["", "no-at-sign", "a@b"])
def test_invalid_email_is_rejected(raw: str) -> None:
    with pytest.raises(ValueError, match="invalid email"):
        EmailAddress(raw)


def test_money_adds_same_currency() -> None:
    assert Money(Decimal("1.10"), "EUR") + Money(Decimal("2.20"), "EUR") == Money(Decimal("3.30"), "EUR")


def test_money_refuses_mixed_currencies() -> None:
    with pytest.raises(ValueError, match="currency mismatch"):
        Money(Decimal("1"), "EUR") + Money(Decimal("1"), "USD")
