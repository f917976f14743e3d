# @title Domain service transferring funds between two account aggregates
# @tags ddd, domain service, accounts, transfer, invariants, python
# @stack ddd, python
from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Account:
    id: str
    balance: Decimal

    def withdraw(self, amount: Decimal) -> None:
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount

    def deposit(self, amount: Decimal) -> None:
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount


def transfer(source: Account, target: Account, amount: Decimal) -> None:
    if source.id == target.id:
        raise ValueError("cannot transfer to the same account")
    source.withdraw(amount)
    target.deposit(amount)
