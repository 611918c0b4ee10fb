"""Audio: an uploaded sound file in (a path, or Gradio's (rate, numpy array) when numpy is
importable); a player with a download link out.

The browser has no ffmpeg, so reading samples (type="numpy") and writing them (a
(rate, data) return value) go through the standard library's `wave`: WAV only. Paths,
bytes and URLs of any format the browser plays need nothing."""

from __future__ import annotations

import array
import io
import wave
from pathlib import Path
from typing import Any

from ..errors import Error
from ..files import file_data, save_bytes, upload_path
from .base import Component, fail
from .media import kind_of, named, output_file, sources_list
from .packages import optional, require

TYPES = ("numpy", "filepath")
SOURCES = ("upload", "microphone")


def read_wav(path: str, np: Any, who: str) -> tuple[int, Any]:
    """(sample rate, samples) as Gradio gives them: (samples,) or (samples, channels)."""
    try:
        with wave.open(path, "rb") as wav:
            rate, channels, width = wav.getframerate(), wav.getnchannels(), wav.getsampwidth()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise fail(
            f'{who} with type="numpy" reads WAV files only here (there is no ffmpeg in the '
            f'browser), and {Path(path).name} is not one ({exc}). Use type="filepath".'
        ) from None
    if width not in (1, 2, 4):
        raise fail(f"{Path(path).name}: {8 * width}-bit samples are not supported; use 16-bit.")
    data = np.frombuffer(frames, dtype={1: "u1", 2: "<i2", 4: "<i4"}[width])
    if width == 1:  # 8-bit WAV is unsigned; Gradio's samples are signed
        data = (data.astype("i2") - 128).astype("i1")
    return rate, data.reshape(-1, channels) if channels > 1 else data


def to_int16(data: Any) -> tuple[bytes, int]:
    """Samples as 16-bit PCM bytes and a channel count, converted as Gradio does (floats
    scaled by their peak); a numpy array, or a plain list (of lists, for channels)."""
    if kind_of(data) == "numpy":
        np = optional("numpy")
        kind, name = data.dtype.kind, data.dtype.name
        if kind == "f":
            peak = float(np.abs(data).max()) if data.size else 0.0
            data = data / peak * 32767 if peak else np.zeros_like(data)
        elif name == "int32":
            data = data / 65536
        elif name == "uint16":
            data = data.astype("i4") - 32768
        elif name == "uint8":
            data = data.astype("i4") * 257 - 32768
        elif name == "int8":
            data = data.astype("i4") * 256
        channels = 1 if data.ndim == 1 else int(data.shape[1])
        return data.astype("<i2").tobytes(), channels
    rows = list(data)
    channels = len(rows[0]) if rows and isinstance(rows[0], list | tuple) else 1
    flat = [x for row in rows for x in row] if channels > 1 else rows
    if any(isinstance(x, float) for x in flat):
        peak = max((abs(x) for x in flat), default=0) or 1
        flat = [round(x / peak * 32767) for x in flat]
    return array.array("h", flat).tobytes(), channels


def write_wav(rate: int, data: Any) -> Path:
    pcm, channels = to_int16(data)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(int(rate))
        wav.writeframes(pcm)
    return save_bytes(buffer.getvalue(), "audio.wav")


class Audio(Component):
    type = "audio"
    shortcuts = ("audio",)

    def __init__(
        self,
        value: Any = None,
        *,
        sources: list[str] | str | None = None,
        type: str = "numpy",  # noqa: A002 - Gradio's name
        streaming: bool = False,
        format: str | None = None,  # noqa: A002 - Gradio's name
        autoplay: bool = False,
        editable: bool = True,
        buttons: list[Any] | None = None,
        waveform_options: Any = None,
        loop: bool = False,
        recording: bool = False,
        subtitles: Any = None,
        playback_position: float = 0,
        **kwargs: Any,
    ) -> None:
        if type not in TYPES:
            raise ValueError(
                f"Invalid value for parameter `type`: {type}. Please choose from one of: "
                f"{list(TYPES)}"
            )
        default = ["microphone"] if streaming else list(SOURCES)
        # Recording needs a microphone stream; only "upload" works in lite today.
        self.sources = sources_list(sources, SOURCES, default)
        super().__init__(value, **kwargs)
        self.return_type = type
        self.format = format
        self.autoplay = autoplay
        self.loop = loop
        self.download = buttons is None or "download" in buttons

    def browser_packages(self) -> list[str]:
        return ["numpy"] if self.return_type == "numpy" else []

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return None
        try:
            path = upload_path(payload)
        except ValueError as exc:
            raise fail(str(exc)) from None
        if self.return_type == "filepath":
            return path
        who = named(self, "Audio")
        (np,) = require(f'{who} with type="numpy"', {"numpy": "numpy"}, 'type="filepath"', fail)
        return read_wav(path, np, who)

    def postprocess(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, tuple) and len(value) == 2:
            rate, data = value
            return file_data(write_wav(rate, data))
        made = output_file(value, "audio")
        if made is None:
            raise Error(
                f"Cannot process {type(value).__name__} as Audio: return a file path, bytes, "
                "or a (sample rate, samples) tuple."
            )
        return made

    def props(self) -> dict[str, Any]:
        return {"autoplay": self.autoplay, "loop": self.loop, "download": self.download}


class Microphone(Audio):
    """Gradio's template: Audio recording from the microphone (here: upload a recording)."""

    shortcuts = ("microphone",)

    def __init__(self, value: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("sources", ["microphone"])
        super().__init__(value, **kwargs)
