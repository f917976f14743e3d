# @title Send a welcome email after the response with FastAPI BackgroundTasks
# @tags fastapi, background tasks, email, async, after response
# @stack fastapi, python
import logging

from fastapi import APIRouter, BackgroundTasks

router = APIRouter()
log = logging.getLogger(__name__)


def send_welcome_email(address: str) -> None:
    log.info("sending welcome email to %s", address)


@router.post("/signup", status_code=202)
async def signup(email: str, background: BackgroundTasks) -> dict[str, str]:
    background.add_task(send_welcome_email, email)
    return {"status": "accepted"}
