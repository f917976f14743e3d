# @title Upload a file to FastAPI with UploadFile, size and content type checks
# @tags fastapi, upload, file, multipart, validation, 413
# @stack fastapi, python
from pathlib import Path

from fastapi import APIRouter, HTTPException, UploadFile

router = APIRouter()
UPLOAD_DIR = Path("uploads")
MAX_BYTES = 2 * 1024 * 1024


@router.post("/documents", status_code=201)
async def upload_document(file: UploadFile) -> dict[str, str | int]:
    if file.content_type not in {"application/pdf", "text/plain"}:
        raise HTTPException(status_code=415, detail="only PDF or text files")
    data = await file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="file too large")
    UPLOAD_DIR.mkdir(exist_ok=True)
    target = UPLOAD_DIR / Path(file.filename or "upload").name
    target.write_bytes(data)
    return {"name": target.name, "size": len(data)}
