# @title FastAPI OAuth2 password flow issuing JWT access tokens with python-jose
# @tags auth, fastapi, oauth2, jwt, token endpoint, login
# @stack fastapi, python-jose, python
from datetime import datetime, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from jose import JWTError, jwt

SECRET = "change-me"
ALGORITHM = "HS256"
router = APIRouter()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")
USERS = {"ada": {"password": "correct horse battery staple", "role": "admin"}}


def create_token(subject: str, minutes: int = 15) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    return jwt.encode({"sub": subject, "exp": expires}, SECRET, algorithm=ALGORITHM)


@router.post("/token")
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> dict[str, str]:
    user = USERS.get(form.username)
    if not user or user["password"] != form.password:
        raise HTTPException(status_code=401, detail="wrong username or password")
    return {"access_token": create_token(form.username), "token_type": "bearer"}


def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> str:
    try:
        subject = jwt.decode(token, SECRET, algorithms=[ALGORITHM]).get("sub")
    except JWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc
    if not subject:
        raise HTTPException(status_code=401, detail="invalid token")
    return subject
