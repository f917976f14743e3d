# @title FastAPI HTTP middleware adding a request id and timing header
# @tags fastapi, middleware, request id, timing, logging
# @stack fastapi, starlette, python
import time
import uuid

from fastapi import FastAPI, Request


def add_request_context(app: FastAPI) -> None:
    @app.middleware("http")
    async def request_context(request: Request, call_next):
        request_id = request.headers.get("x-request-id") or str(uuid.uuid4())
        started = time.perf_counter()
        response = await call_next(request)
        response.headers["x-request-id"] = request_id
        response.headers["server-timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response
