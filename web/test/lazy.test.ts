import assert from "node:assert/strict";
import { test } from "node:test";
import { LateFiles } from "../src/lazy";
import type { AppFile } from "../src/protocol";

const files: AppFile[] = [
  { name: "app.py", url: "http://x/app/app.py" },
  { name: "big.bin", url: "http://x/app/big.bin", lazy: true },
  { name: "gone.bin", url: "http://x/app/gone.bin", lazy: true },
];

test("split keeps the big files for later", () => {
  const { now, later } = LateFiles.split(files);
  assert.deepEqual(now.map((f) => f.name), ["app.py"]);
  assert.deepEqual(later.map((f) => f.name), ["big.bin", "gone.bin"]);
});

test("whenLoaded waits for every file, and a failed one is reported, not thrown", async () => {
  const requested: string[] = [];
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fakeFetch = (async (url: string) => {
    requested.push(url);
    await gate;
    return url.endsWith("gone.bin")
      ? new Response("no", { status: 404 })
      : new Response(new Uint8Array([1, 2, 3]));
  }) as typeof fetch;
  const written: [string, number[]][] = [];
  const reports: string[] = [];
  const late = new LateFiles();
  assert.equal(await Promise.race([late.whenLoaded(), "idle"]), undefined);
  late.loadLater(
    LateFiles.split(files).later,
    (name, content) => written.push([name, Array.from(content)]),
    (text) => reports.push(text),
    fakeFetch,
  );
  assert.equal(late.waiting, 2);
  const pending = Symbol("pending");
  assert.equal(await Promise.race([late.whenLoaded(), Promise.resolve(pending)]), pending);
  release();
  await late.whenLoaded();
  assert.deepEqual(written, [["big.bin", [1, 2, 3]]]);
  assert.deepEqual(requested, ["http://x/app/big.bin", "http://x/app/gone.bin"]);
  assert.deepEqual(reports, ["Could not load the app's file gone.bin: Error: HTTP 404"]);
  assert.equal(late.waiting, 0);
});
