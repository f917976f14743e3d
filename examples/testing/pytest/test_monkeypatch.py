# @title pytest monkeypatch for environment variables and replacing a function
# @tags testing, pytest, monkeypatch, environment variables, configuration
# @stack pytest, python
import pytest

from examples.validation.env_validation import load_config


def test_config_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://localhost/app")
    monkeypatch.setenv("PORT", "9000")
    monkeypatch.delenv("DEBUG", raising=False)
    config = load_config()
    assert (config.port, config.debug) == (9000, False)


def test_missing_database_url_stops_startup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SystemExit, match="DATABASE_URL"):
        load_config()
