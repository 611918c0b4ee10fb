import assert from "node:assert/strict";
import { test } from "node:test";
import { fromManifest } from "../src/source";

const base = "http://127.0.0.1:8000/site/app.json";

test("fromManifest resolves files under app/ next to the manifest", () => {
  const s = fromManifest(
    {
      entry: "app.py",
      files: ["app.py", "lib/util.py"],
      requirements: ["numpy"],
      state_key: "k",
      state_namespace: "app:0123",
    },
    base,
  );
  assert.deepEqual(s, {
    entry: "app.py",
    files: [
      { name: "app.py", url: "http://127.0.0.1:8000/site/app/app.py" },
      { name: "lib/util.py", url: "http://127.0.0.1:8000/site/app/lib/util.py" },
    ],
    requirements: ["numpy"],
    state_key: "k",
    app_id: "/site/app.json",
    config: null,
    state_namespace: "app:0123",
  });
});

test("fromManifest adds a missing entry and defaults the rest", () => {
  const s = fromManifest({ entry: "main.py" }, base);
  assert.deepEqual(s.files, [{ name: "main.py", url: "http://127.0.0.1:8000/site/app/main.py" }]);
  assert.deepEqual(s.requirements, []);
  assert.equal(s.state_key, null);
});

test("fromManifest marks the big files to load after ready, never the entry", () => {
  const s = fromManifest(
    { entry: "app.py", files: ["app.py", "data.bin", "x.txt"], lazy_files: ["data.bin", "app.py", 3] },
    base,
  );
  assert.deepEqual(
    s.files.map((f) => [f.name, f.lazy ?? false]),
    [["app.py", false], ["data.bin", true], ["x.txt", false]],
  );
});

test("fromManifest rejects a manifest without an entry", () => {
  assert.throws(() => fromManifest({ files: [] }, base), /entry/);
  assert.throws(() => fromManifest(null, base), /object/);
});
