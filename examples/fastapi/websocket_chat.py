# @title WebSocket endpoint in FastAPI broadcasting messages to connected clients
# @tags fastapi, websocket, realtime, broadcast, chat
# @stack fastapi, python
from fastapi import APIRouter, WebSocket, WebSocketDisconnect

router = APIRouter()


class Hub:
    def __init__(self) -> None:
        self.clients: set[WebSocket] = set()

    async def join(self, ws: WebSocket) -> None:
        await ws.accept()
        self.clients.add(ws)

    async def broadcast(self, text: str) -> None:
        for client in list(self.clients):
            await client.send_text(text)


hub = Hub()


@router.websocket("/ws/chat")
async def chat(ws: WebSocket) -> None:
    await hub.join(ws)
    try:
        while True:
            await hub.broadcast(await ws.receive_text())
    except WebSocketDisconnect:
        hub.clients.discard(ws)
