# @title Convert Pydantic ValidationError into a list of field errors for an API
# @tags validation, pydantic, validation error, error format, api
# @stack pydantic, python
from pydantic import BaseModel, ValidationError


def field_errors(exc: ValidationError) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for err in exc.errors():
        key = ".".join(str(part) for part in err["loc"]) or "_root"
        out.setdefault(key, []).append(err["msg"])
    return out


def parse_or_errors(model: type[BaseModel], data: dict) -> tuple[BaseModel | None, dict[str, list[str]]]:
    try:
        return model.model_validate(data), {}
    except ValidationError as exc:
        return None, field_errors(exc)
