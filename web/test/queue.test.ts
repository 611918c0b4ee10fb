import assert from "node:assert/strict";
import { test } from "node:test";
import type { PageMessage } from "../src/protocol";
import { Coalescer, Outbox } from "../src/queue";

test("Outbox holds messages until the app is ready, then sends them in order", () => {
  const posted: PageMessage[] = [];
  const outbox = new Outbox((m) => posted.push(m));
  outbox.send({ type: "event", id: 1, data: ["a"] });
  outbox.send({ type: "clear", id: 2 });
  assert.equal(posted.length, 0);
  outbox.openUp();
  assert.deepEqual(
    posted.map((m) => m.type === "boot" ? 0 : m.id),
    [1, 2],
  );
  outbox.send({ type: "event", id: 3, data: [] });
  // Once open, a message goes out at once.
  assert.equal(posted.length, 3);
});

test("Coalescer runs at once, then once more for any burst during a run", () => {
  let runs = 0;
  const gate = new Coalescer(() => runs++);
  gate.request();
  assert.equal(runs, 1);
  gate.request();
  gate.request();
  gate.request();
  assert.equal(runs, 1);
  gate.done();
  assert.equal(runs, 2);
  gate.done();
  assert.equal(runs, 2);
  gate.request();
  assert.equal(runs, 3);
});
