"""Chatbot: a conversation in Gradio's messages format. The function returns a list of
{"role", "content"} dicts (content: text, a file dict, or a list of them); the page gets
each message with its content as a list of typed parts, as Gradio 6 sends it."""

from __future__ import annotations

import inspect
import mimetypes
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import Error
from ..files import file_data, is_file_data
from .base import Component
from .display import json_safe

Message = dict[str, Any]


@dataclass
class ChatMessage:
    """gr.ChatMessage: one message as an object; the Chatbot reads it like the dict form."""

    content: Any
    role: str = "assistant"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)


class Chatbot(Component):
    type = "chatbot"
    shortcuts: ClassVar[tuple[str, ...]] = ("chatbot",)

    def __init__(
        self,
        value: Any = None,
        *,
        type: str = "messages",  # noqa: A002 - Gradio 5's name; messages is the only format
        height: int | str | None = 400,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        resizable: bool = False,
        rtl: bool = False,
        render_markdown: bool = True,
        line_breaks: bool = True,
        layout: str | None = None,
        placeholder: str | None = None,
        group_consecutive_messages: bool = True,
        reasoning_tags: list[tuple[str, str]] | None = None,
        # Server, file and feedback features this page does not offer: accepted.
        watermark: str | None = None,
        avatar_images: tuple[Any, Any] | None = None,
        feedback_options: list[str] | tuple[str, ...] | None = ("Like", "Dislike"),
        feedback_value: Any = None,
        examples: list[dict[str, Any]] | None = None,
        allow_file_downloads: bool = True,
        allow_tags: list[str] | bool = True,
        like_user_message: bool = False,
        **kwargs: Any,
    ) -> None:
        if type != "messages":
            raise ValueError(
                f"Chatbot(type={type!r}) is not supported: Gradio 6 takes only the messages "
                'format, a list of {"role": ..., "content": ...} dicts.'
            )
        super().__init__(value, **kwargs)
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        self.resizable = resizable
        self.rtl = rtl
        self.render_markdown = render_markdown
        self.line_breaks = line_breaks
        self.layout = layout or "bubble"
        self.placeholder = placeholder
        self.group_consecutive_messages = group_consecutive_messages
        self.reasoning_tags = reasoning_tags
        self.watermark = watermark
        self.avatar_images = avatar_images
        self.feedback_options = feedback_options
        self.feedback_value = feedback_value
        self.examples = examples
        self.allow_file_downloads = allow_file_downloads
        self.allow_tags = allow_tags
        self.like_user_message = like_user_message

    def preprocess(self, payload: Any) -> list[Message]:
        """The page's messages, each with its content as a list of parts (Gradio's)."""
        if payload is None:
            return []
        if not isinstance(payload, list):
            raise Error("Data incompatible with the messages format")
        return [
            {
                "role": m.get("role"),
                "metadata": m.get("metadata"),
                "content": [_gradio_part(part) for part in m.get("content") or []],
                "options": m.get("options"),
            }
            for m in payload
            if isinstance(m, dict)
        ]

    def postprocess(self, value: Any) -> list[Message]:
        if value is None:
            return []
        if not isinstance(value, list | tuple) or not all(_is_message(m) for m in value):
            raise Error(
                "Data incompatible with messages format. Each message should be a "
                "dictionary with 'role' and 'content' keys or a ChatMessage object."
            )
        messages: list[Message] = []
        for message in value:
            messages.extend(self._message(message))
        return messages

    def props(self) -> dict[str, Any]:
        return {
            "height": _css_size(self.height),
            "max_height": _css_size(self.max_height),
            "min_height": _css_size(self.min_height),
            "resizable": self.resizable,
            "rtl": self.rtl,
            "render_markdown": self.render_markdown,
            "line_breaks": self.line_breaks,
            "layout": self.layout,
            "placeholder": self.placeholder,
            "group_consecutive_messages": self.group_consecutive_messages,
        }

    def _message(self, message: Any) -> list[Message]:
        role, content, metadata, options = _fields(message)
        items = content if isinstance(content, list) else [content]
        parts = [part for item in items if (part := _part(item)) is not None]
        if not parts:
            return []
        base = {  # as Gradio: an empty metadata or options stays empty, only None is None
            "role": role,
            "metadata": None if metadata is None else json_safe(metadata),
            "options": None if options is None else json_safe(options),
        }
        if not self.reasoning_tags:
            return [{**base, "content": parts}]
        # Text inside the reasoning tags becomes its own collapsed "Reasoning" message.
        out: list[Message] = []
        others = [p for p in parts if p["type"] != "text"]
        for part in parts:
            if part["type"] != "text":
                continue
            for text, thinking, status in _split_reasoning(part["text"], self.reasoning_tags):
                text_part = [{"type": "text", "text": text}]
                if thinking:
                    meta = {"title": "Reasoning", "status": status}
                    out.append({**base, "metadata": meta, "options": None, "content": text_part})
                else:
                    out.append({**base, "content": text_part})
        if others:
            out.append({**base, "content": others})
        return out


def _is_message(message: Any) -> bool:
    if isinstance(message, dict):
        return "role" in message and "content" in message
    # gr.ChatMessage and other objects with the same fields.
    return hasattr(message, "role") and hasattr(message, "content")


def _fields(message: Any) -> tuple[Any, Any, Any, Any]:
    if isinstance(message, dict):
        get = message.get
        return get("role"), get("content"), get("metadata"), get("options")
    return (
        message.role,
        message.content,
        getattr(message, "metadata", None),
        getattr(message, "options", None),
    )


def _part(item: Any) -> dict[str, Any] | None:
    """One piece of a message's content in the page's typed form."""
    if item is None:
        return None
    if isinstance(item, str):
        return {"type": "text", "text": inspect.cleandoc(item)}
    if isinstance(item, dict):
        kind = item.get("type")
        if "path" in item:
            return _file_part(item, item.get("alt_text"))
        if "file" in item or kind == "file":
            return _file_part(item.get("file") or {}, item.get("alt_text"))
        if kind == "text":
            return {"type": "text", "text": str(item.get("text", ""))}
        if kind == "component":
            return json_safe(item)  # type: ignore[no-any-return]
    if isinstance(item, Component):
        return {
            "type": "component",
            "component": item.type,
            "value": json_safe(item.initial_value()),
            "constructor_args": {},
            "props": {},
        }
    raise Error(f"Invalid message for Chatbot component: {item!r}", visible=False)


def _gradio_part(part: Any) -> Any:
    """A file part of a message the page sent, with the file as Gradio's FileData gives
    it to the function (its keys, in its order); other parts as they came."""
    if not (
        isinstance(part, dict) and part.get("type") == "file" and is_file_data(part.get("file"))
    ):
        return part
    file = part["file"]
    keys = ("path", "url", "size", "orig_name", "mime_type")
    data = {key: file.get(key) for key in keys}
    data.update(is_stream=False, meta={"_type": "gradio.FileData"})
    return {"file": data, "alt_text": part.get("alt_text"), "type": "file"}


def _file_part(file: dict[str, Any], alt_text: Any) -> dict[str, Any]:
    """A file in a message as a FileData: its bytes go to the page beside the JSON
    (lite/files.py), which shows images, audio and video inline and links the rest."""
    path = file.get("path")
    url = file.get("url")
    if isinstance(path, str) and path.startswith(("http://", "https://", "data:")):
        path, url = None, path
    if not path:
        if not isinstance(url, str):
            raise Error(f"Chatbot: a file message needs a path or a URL, got {file!r}")
        name = file.get("orig_name") or url.rsplit("/", 1)[-1]
        data = {"_type": "file", "path": None, "url": url, "orig_name": name, "size": None}
        data["mime_type"] = file.get("mime_type") or mimetypes.guess_type(name)[0]
        return {"type": "file", "file": {**data, "buffer": None}, "alt_text": alt_text}
    try:
        data = file_data(str(path))
    except FileNotFoundError:
        raise Error(f"Chatbot: no such file {str(path)!r}") from None
    # As Gradio: no name unless one was given (the page names the link from the path).
    data["orig_name"] = file.get("orig_name")
    return {"type": "file", "file": data, "alt_text": alt_text}


def _split_reasoning(text: str, tags: list[tuple[str, str]]) -> list[tuple[str, bool, str]]:
    """(text, is_reasoning, status) pieces in order; an unclosed tag is still "pending"."""
    pattern = "|".join(
        f"({re.escape(open_)})(.*?)(?:{re.escape(close)}|$)" for open_, close in tags
    )
    pieces: list[tuple[str, bool, str]] = []
    end = 0
    for match in re.finditer(pattern, text, re.DOTALL):
        if (before := text[end : match.start()].strip()) != "":
            pieces.append((before, False, "done"))
        inner = next((g for g in match.groups()[1::2] if g is not None), "").strip()
        if inner:
            closed = any(match.group(0).endswith(close) for _, close in tags)
            pieces.append((inner, True, "done" if closed else "pending"))
        end = match.end()
    if (rest := text[end:].strip()) != "":
        pieces.append((rest, False, "done"))
    return pieces


def _css_size(size: int | str | None) -> str | None:
    """Gradio's sizes: a number is pixels, a string is any CSS length."""
    if size is None:
        return None
    return f"{size}px" if isinstance(size, int | float) else str(size)
