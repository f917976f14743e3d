# @title Validate required environment variables at startup and fail fast with one message
# @tags validation, environment variables, startup, configuration, fail fast
# @stack python
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    database_url: str
    port: int
    debug: bool


def load_config(env: dict[str, str] | None = None) -> Config:
    source = dict(os.environ) if env is None else env
    problems = [name for name in ("DATABASE_URL",) if not source.get(name)]
    port_text = source.get("PORT", "8000")
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        problems.append("PORT (must be 1-65535)")
    if problems:
        raise SystemExit("missing or invalid settings: " + ", ".join(problems))
    return Config(source["DATABASE_URL"], int(port_text), source.get("DEBUG", "false").lower() == "true")
