"""Every component: one app that uses each input and output the runtime supports."""

import gradio as gr


def describe(name, bio, age, level, subscribe, topics, size, colour, extras):
    if age is not None and age < 0:
        raise gr.Error("Age can't be negative.")
    if subscribe:
        gr.Info(f"{name} subscribed.")
    profile = {
        "name": name,
        "age": age,
        "level": level,
        "subscribe": subscribe,
        "topics": topics,
        "size": size,
        "colour": colour,
        "extras": extras,
    }
    confidences = {topic: 1 / len(topics) for topic in topics} if topics else {"none": 1.0}
    summary = f"## {name or 'Anonymous'}\n\n{bio}\n\n*Level {level}*"
    badge = f"<p>Size <strong>{size}</strong>, colour <em>{colour}</em></p>"
    return f"{name} ({age})", profile, confidences, summary, badge


demo = gr.Interface(
    fn=describe,
    inputs=[
        gr.Textbox(label="Name", placeholder="Ada Lovelace"),
        gr.Textbox(label="Bio", lines=3, info="A few words, Markdown welcome."),
        gr.Number(label="Age", value=36, precision=0),
        gr.Slider(1, 10, value=5, step=1, label="Level"),
        gr.Checkbox(label="Subscribe"),
        gr.CheckboxGroup(["maths", "poetry", "engines"], label="Topics"),
        gr.Radio(["S", "M", "L"], value="M", label="Size"),
        gr.Dropdown(["red", "green", "blue"], value="blue", label="Colour"),
        gr.Dropdown(["notes", "diagrams", "tables"], multiselect=True, label="Extras"),
    ],
    outputs=[
        gr.Textbox(label="Greeting"),
        gr.JSON(label="Profile"),
        gr.Label(label="Interests"),
        gr.Markdown(label="Summary"),
        gr.HTML(label="Badge"),
    ],
    examples=[
        ["Ada", "Wrote the *first* program.", 36, 9, True, ["maths", "engines"], "S", "green", ["notes"]],
        ["Alan", "Broke codes.", 41, 10, False, ["maths"], "M", "red", []],
    ],
    title="Every component",
    description="Each input and output the runtime supports, in one form.",
    article="Built with **lite**: this page runs Python in your browser.",
)

demo.launch()
