# @title Immutable value objects in Python with frozen dataclasses and validation
# @tags ddd, value object, python, frozen dataclass, validation, money, email
# @stack ddd, python
import re
from dataclasses import dataclass
from decimal import Decimal

EMAIL_RE = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")


@dataclass(frozen=True)
class EmailAddress:
    value: str

    def __post_init__(self) -> None:
        normalized = self.value.strip().lower()
        if not EMAIL_RE.match(normalized):
            raise ValueError(f"invalid email: {self.value!r}")
        object.__setattr__(self, "value", normalized)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __add__(self, other: "Money") -> "Money":
        if other.currency != self.currency:
            raise ValueError("currency mismatch")
        return Money(self.amount + other.amount, self.currency)
