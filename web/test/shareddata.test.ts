import assert from "node:assert/strict";
import { test } from "node:test";
import type { SharedDataRequest } from "../src/protocol";
import { formatBytes, SharedData } from "../src/shareddata";

function client(): { data: SharedData; sent: SharedDataRequest[] } {
  const sent: SharedDataRequest[] = [];
  let id = 0;
  return { data: new SharedData((m) => sent.push(m), () => ++id), sent };
}

const answer = {
  type: "shared-data-result" as const,
  names: [],
  data: null,
  message: null,
  warnings: [],
};

test("sharedData requests are answered by id, and failures reject with the reason", async () => {
  const { data, sent } = client();
  const exported = data.export();
  const imported = data.import({ format: "lite-shared-data" });
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(
    sent.map((m) => [m.id, m.action, m.data]),
    [
      [1, "export", null],
      [2, "import", '{"format":"lite-shared-data"}'],
    ],
  );
  assert.equal(data.receive({ ...answer, id: 2, ok: false, message: "another app" }), true);
  assert.equal(data.receive({ ...answer, id: 1, ok: true, data: "{}" }), true);
  assert.equal(data.receive({ ...answer, id: 1, ok: true }), false); // answered already
  assert.equal(await exported, "{}");
  await assert.rejects(imported, /another app/);
});

test("formatBytes", () => {
  assert.equal(formatBytes(12), "12 B");
  assert.equal(formatBytes(1234), "1.2 kB");
  assert.equal(formatBytes(56_000_000), "56 MB");
  assert.equal(formatBytes(2_000_000_000), "2.0 GB");
});
