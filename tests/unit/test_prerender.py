"""Pre-rendering: the config `lite build` ships is the one the browser runtime computes."""

from pathlib import Path

from lite.prerender import prerender
from lite.runtime import Runtime

EXAMPLES = Path(__file__).parents[2] / "examples"


def without_ids(config):
    for component in config["inputs"] + config["outputs"]:
        del component["id"]
    return config


def test_prerendered_config_is_the_runtime_config():
    for name in ["hello_world", "calculator", "all_components", "message_store"]:
        app = EXAMPLES / name / "app.py"
        runtime = Runtime(app.parent)
        runtime.load()
        # Ids count from 1 in each fresh process (the build's child, the browser's
        # Python); this test process has made components before, so ids are left out.
        assert without_ids(prerender(app)) == without_ids(runtime.config()), name


def test_an_app_that_cannot_run_on_the_host_gets_none(tmp_path, capsys):
    (tmp_path / "app.py").write_text("import browser_only_package\n")
    assert prerender(tmp_path / "app.py") is None
    assert "no pre-rendered UI (ModuleNotFoundError" in capsys.readouterr().err
