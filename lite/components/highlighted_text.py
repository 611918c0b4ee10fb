"""HighlightedText: text in spans, each with a category (a string) or a confidence (a
number). The page form is Gradio's: a list of {"token", "class_or_confidence"}."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import Component, fail
from .display import json_safe

Token = tuple[str, Any]


class HighlightedText(Component):
    type = "highlightedtext"
    shortcuts: ClassVar[tuple[str, ...]] = ("highlightedtext", "highlight")
    aliases: ClassVar[tuple[str, ...]] = ("Highlight", "Highlightedtext")

    def __init__(
        self,
        value: Any = None,
        *,
        color_map: dict[str, str] | None = None,
        show_legend: bool = False,
        show_inline_category: bool = True,
        combine_adjacent: bool = False,
        adjacent_separator: str = "",
        show_whitespaces: bool = True,
        rtl: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, **kwargs)
        self.color_map = color_map
        self.show_legend = show_legend
        self.show_inline_category = show_inline_category
        self.combine_adjacent = combine_adjacent
        self.adjacent_separator = adjacent_separator
        self.show_whitespaces = show_whitespaces
        self.rtl = rtl

    def preprocess(self, payload: Any) -> list[dict[str, Any]] | None:
        # Gradio hands the function its page form (a list of token dicts).
        if payload is None:
            return None
        if not isinstance(payload, list) or not all(_is_token(t) for t in payload):
            raise fail('Expected a list of {"token", "class_or_confidence"} items.')
        return [
            {"token": t["token"], "class_or_confidence": t.get("class_or_confidence")}
            for t in payload
        ]

    def postprocess(self, value: Any) -> list[dict[str, Any]] | None:
        if value is None:
            return None
        tokens = _from_entities(value) if isinstance(value, dict) else _pairs(value)
        if self.combine_adjacent:
            tokens = _combine(tokens, self.adjacent_separator)
        return [
            {
                "token": text if self.show_whitespaces else text.strip(),
                "class_or_confidence": json_safe(label),
            }
            for text, label in tokens
        ]

    def props(self) -> dict[str, Any]:
        return {
            "color_map": self.color_map or {},
            "show_legend": self.show_legend,
            "show_inline_category": self.show_inline_category,
            "rtl": self.rtl,
        }


def _is_token(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("token"), str)


def _pairs(value: Any) -> list[Token]:
    """(text, label) pairs; the page form (token dicts) is accepted too."""
    if not isinstance(value, list | tuple):
        raise ValueError(
            "HighlightedText expects a list of (text, label) pairs or a "
            f'{{"text", "entities"}} dict, got {type(value).__name__}.'
        )
    pairs: list[Token] = []
    for item in value:
        if _is_token(item):
            pairs.append((item["token"], item.get("class_or_confidence")))
        elif isinstance(item, list | tuple) and len(item) == 2:
            pairs.append((str(item[0]), item[1]))
        else:
            raise ValueError(f"HighlightedText: expected a (text, label) pair, got {item!r}.")
    return pairs


def _from_entities(value: dict[str, Any]) -> list[Token]:
    """Gradio's entity form (as NER pipelines give it): the text between and around the
    entities becomes unlabelled spans, so the whole text is shown."""
    try:
        text, entities = value["text"], value["entities"]
    except KeyError as error:
        raise ValueError(
            "Expected a dictionary with keys 'text' and 'entities' "
            "for the value of the HighlightedText component."
        ) from error
    if not entities:
        return [(text, None)]
    tokens: list[Token] = []
    index = 0
    for entity in sorted(entities, key=lambda e: e["start"]):
        tokens.append((text[index : entity["start"]], None))
        category = entity.get("entity") or entity.get("entity_group")
        tokens.append((text[entity["start"] : entity["end"]], category))
        index = entity["end"]
    tokens.append((text[index:], None))
    return tokens


def _combine(tokens: list[Token], separator: str) -> list[Token]:
    """Merge runs of the same label; empty spans neither start a run nor add a separator."""
    merged: list[Token] = []
    for text, label in tokens:
        if not text:
            continue
        if merged and merged[-1][1] == label:
            merged[-1] = (merged[-1][0] + separator + text, label)
        else:
            merged.append((text, label))
    return merged
