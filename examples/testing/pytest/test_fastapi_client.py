# @title Test FastAPI endpoints with TestClient and dependency overrides
# @tags testing, pytest, fastapi, testclient, dependency overrides
# @stack pytest, fastapi, python
import pytest
from fastapi.testclient import TestClient

from examples.fastapi.main import create_app


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app())


def test_health(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_create_and_get_task(client: TestClient) -> None:
    created = client.post("/tasks/", json={"title": "write docs"})
    assert created.status_code == 201
    task_id = created.json()["id"]
    assert client.get(f"/tasks/{task_id}").json()["title"] == "write docs"


def test_empty_title_is_422(client: TestClient) -> None:
    assert client.post("/tasks/", json={"title": ""}).status_code == 422
