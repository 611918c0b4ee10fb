// The typed fixture is the real check (tsc fails on any mismatch); this makes
// sure it was regenerated from the current examples file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { all, components } from "./protocol_fixture.gen";

test("the generated fixture matches tests/protocol_examples.json", () => {
  const json: unknown = JSON.parse(
    readFileSync(new URL("../../tests/protocol_examples.json", import.meta.url), "utf8"),
  );
  assert.deepEqual({ ...all, components }, json);
});
