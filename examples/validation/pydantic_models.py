# @title Pydantic v2 models with field constraints, validators and computed fields
# @tags validation, pydantic, field validator, model validator, constraints
# @stack pydantic, python
from datetime import date

from pydantic import BaseModel, EmailStr, Field, field_validator, model_validator


class SignUp(BaseModel):
    email: EmailStr
    username: str = Field(min_length=3, max_length=30, pattern=r"^[a-z0-9_]+$")
    password: str = Field(min_length=12)
    birth_date: date

    @field_validator("username")
    @classmethod
    def not_reserved(cls, value: str) -> str:
        if value in {"admin", "root", "support"}:
            raise ValueError("this username is reserved")
        return value

    @model_validator(mode="after")
    def adult(self) -> "SignUp":
        today = date.today()
        age = today.year - self.birth_date.year - ((today.month, today.day) < (self.birth_date.month, self.birth_date.day))
        if age < 16:
            raise ValueError("you must be at least 16 years old")
        return self
