"""Text tools: a tiny code reviewer that marks up your code and answers in a chat.

Python's own tokenizer finds the keywords, names, numbers, strings and comments
(HighlightedText); the review comes back as a Chatbot conversation in Markdown."""

import io
import keyword
import tokenize

import gradio as gr

KINDS = {tokenize.NUMBER: "number", tokenize.STRING: "string", tokenize.COMMENT: "comment"}


def spans(code):
    """(text, kind) pairs covering the whole code, for HighlightedText."""
    lines = code.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    out, done = [], 0
    try:
        for tok in tokenize.generate_tokens(io.StringIO(code).readline):
            kind = KINDS.get(tok.type)
            if tok.type == tokenize.NAME:
                kind = "keyword" if keyword.iskeyword(tok.string) else "name"
            if kind is None or not tok.string:
                continue
            start = offsets[tok.start[0] - 1] + tok.start[1]
            end = offsets[tok.end[0] - 1] + tok.end[1]
            out += [(code[done:start], None), (code[start:end], kind)]
            done = end
    except (tokenize.TokenError, SyntaxError, IndexError):
        pass  # unfinished code: mark up what was read
    out.append((code[done:], None))
    return out


def review(code, colour, due):
    found = spans(code)
    names = {text for text, kind in found if kind == "name"}
    todos = code.count("TODO")
    verdict = "Looks good to me." if todos == 0 else f"Please resolve **{todos} TODO(s)** first."
    reply = (
        f"{verdict}\n\n"
        f"- {len(code.splitlines())} lines, {len(names)} distinct names\n"
        f"- label colour: `{colour or 'none'}`\n"
        f"- due: {due or 'no date'}"
    )
    chat = [
        {"role": "user", "content": "Could you review this?\n\n```python\n" + code + "\n```"},
        {"role": "assistant", "content": reply},
    ]
    return found, chat


demo = gr.Interface(
    review,
    [
        gr.Code("def area(r):\n    # TODO: check r\n    return 3.14159 * r ** 2", language="python", label="Code"),
        gr.ColorPicker("#f97316", label="Label colour"),
        gr.DateTime(include_time=False, type="string", label="Due"),
    ],
    [
        gr.HighlightedText(
            label="Tokens",
            show_legend=True,
            color_map={"keyword": "purple", "name": "blue", "number": "orange", "string": "green", "comment": "#9ca3af"},
        ),
        gr.Chatbot(label="Review", height=320),
    ],
    title="Text tools",
    description="A code reviewer in the browser: Code, ColorPicker, DateTime, HighlightedText and Chatbot.",
    examples=[["x = 1  # TODO: name it\nprint(x)", "#22c55e", "2026-12-01"]],
)

demo.launch()
