# @title Application settings from environment variables with pydantic-settings
# @tags fastapi, config, settings, environment variables, pydantic
# @stack fastapi, pydantic-settings, python
from functools import lru_cache

from pydantic import PostgresDsn
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="APP_")

    database_url: PostgresDsn
    jwt_secret: str
    jwt_ttl_minutes: int = 30
    debug: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()
