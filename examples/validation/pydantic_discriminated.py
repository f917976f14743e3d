# @title Discriminated union of notification channels with Pydantic Literal tags
# @tags validation, pydantic, discriminated union, literal, notifications
# @stack pydantic, python
from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, TypeAdapter


class EmailChannel(BaseModel):
    kind: Literal["email"]
    address: str


class SmsChannel(BaseModel):
    kind: Literal["sms"]
    phone: str = Field(pattern=r"^\+[1-9]\d{6,14}$")


class WebhookChannel(BaseModel):
    kind: Literal["webhook"]
    url: str


Channel = Annotated[Union[EmailChannel, SmsChannel, WebhookChannel], Field(discriminator="kind")]
channels = TypeAdapter(list[Channel])


def parse_channels(raw: list[dict]) -> list[EmailChannel | SmsChannel | WebhookChannel]:
    return channels.validate_python(raw)
