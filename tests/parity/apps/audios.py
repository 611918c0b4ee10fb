"""Audio in each type= (filepath, numpy), returned to Audio outputs as it came."""

import wave

import gradio as gr

with wave.open("example.wav", "wb") as out:  # a short ramp, for the examples
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(8000)
    out.writeframes(b"".join(i.to_bytes(2, "little", signed=True) for i in range(-50, 50)))


def echo(path, sound):
    return path, sound


demo = gr.Interface(
    echo,
    [gr.Audio(type="filepath", label="Path"), gr.Audio(type="numpy", label="Samples")],
    [gr.Audio(label="Path back"), gr.Audio(label="Samples back")],
    examples=[["example.wav", "example.wav"], [None, "example.wav"]],
)

if __name__ == "__main__":
    demo.launch()
