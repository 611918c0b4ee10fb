"""Video: an uploaded video in (its path), a player with a download link out.

Gradio re-encodes with ffmpeg for `format`, `include_audio=False` and mirrored webcam
clips; the browser has no ffmpeg, so those keywords are accepted and the file is passed
through as it is (browsers play MP4/H.264 and WebM)."""

from __future__ import annotations

from typing import Any

from ..errors import Error
from ..files import upload_path
from .base import Component, fail
from .media import css_size, output_file, sources_list

SOURCES = ("upload", "webcam")


class Video(Component):
    type = "video"
    shortcuts = ("video",)

    def __init__(
        self,
        value: Any = None,
        *,
        format: str | None = None,  # noqa: A002 - Gradio's name
        sources: list[str] | str | None = None,
        height: int | str | None = None,
        width: int | str | None = None,
        webcam_options: Any = None,
        include_audio: bool | None = None,
        autoplay: bool = False,
        buttons: list[Any] | None = None,
        loop: bool = False,
        streaming: bool = False,
        watermark: Any = None,
        subtitles: Any = None,
        playback_position: float = 0,
        **kwargs: Any,
    ) -> None:
        # Recording needs the webcam's stream; only "upload" works in lite today.
        self.sources = sources_list(sources, SOURCES, ["upload", "webcam"])
        super().__init__(value, **kwargs)
        self.format = format
        self.height = height
        self.width = width
        self.autoplay = autoplay
        self.loop = loop
        self.download = buttons is None or "download" in buttons

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        try:
            return upload_path(payload)
        except ValueError as exc:
            raise fail(str(exc)) from None

    def postprocess(self, value: Any) -> Any:
        if value is None or value in ([None, None], (None, None)):
            return None
        if isinstance(value, tuple | list) and len(value) == 2:
            value = value[0]  # (video, subtitles): the subtitles are not shown here
        made = output_file(value, "video")
        if made is None:
            raise Error(
                f"Cannot process {type(value).__name__} as Video: return a file path or bytes."
            )
        return made

    def props(self) -> dict[str, Any]:
        return {
            "height": css_size(self.height),
            "width": css_size(self.width),
            "autoplay": self.autoplay,
            "loop": self.loop,
            "download": self.download,
        }


class PlayableVideo(Video):
    """Gradio's template: a Video whose uploads are made MP4 (passed through here)."""

    shortcuts = ("playablevideo",)

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("format", "mp4")
        super().__init__(value, **kwargs)
