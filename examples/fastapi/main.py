# @title FastAPI application with routers, startup and a health endpoint
# @tags fastapi, app, bootstrap, routers, lifespan
# @stack fastapi, python
from contextlib import asynccontextmanager

from fastapi import FastAPI

from .routers import tasks


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.ready = True
    yield
    app.state.ready = False


def create_app() -> FastAPI:
    app = FastAPI(title="Tasks API", version="1.0.0", lifespan=lifespan)
    app.include_router(tasks.router, prefix="/tasks", tags=["tasks"])

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
