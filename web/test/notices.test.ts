import assert from "node:assert/strict";
import { test } from "node:test";
import { Notices } from "../src/notices";

function listen(notices: Notices, ns = "app"): Array<[number, string[]]> {
  const heard: Array<[number, string[]]> = [];
  notices.subscribe(ns, (version, names) => heard.push([version, JSON.parse(names) as string[]]));
  return heard;
}

test("an idle worker passes each notice on at once", () => {
  const notices = new Notices();
  const heard = listen(notices);
  notices.receive({ namespace: "app", version: 1, names: ["m:a"] });
  notices.receive({ namespace: "app", version: 2, names: ["m:b"] });
  assert.deepEqual(heard, [
    [1, ["m:a"]],
    [2, ["m:b"]],
  ]);
});

test("a busy worker gets one merged notice per namespace when its message ends", () => {
  const notices = new Notices(60_000);
  let busy = true;
  notices.busy = () => busy;
  const heard = listen(notices);
  const other = listen(notices, "other");
  notices.receive({ namespace: "app", version: 3, names: ["m:a"] });
  notices.receive({ namespace: "other", version: 9, names: ["m:x"] });
  notices.receive({ namespace: "app", version: 5, names: ["m:b", "m:a"] });
  notices.receive({ namespace: "app", version: 4, names: ["m:c"] }); // arrived late
  assert.deepEqual(heard, []);
  busy = false;
  notices.flush();
  assert.deepEqual(heard, [[5, ["m:a", "m:b", "m:c"]]]);
  assert.deepEqual(other, [[9, ["m:x"]]]);
  notices.flush(); // nothing more gathered: nothing more said
  assert.equal(heard.length, 1);
});

test("a worker that stays busy still passes notices on after the wait", async () => {
  const notices = new Notices(5);
  notices.busy = () => true;
  const heard = listen(notices);
  notices.receive({ namespace: "app", version: 1, names: ["m:a"] });
  notices.receive({ namespace: "app", version: 2, names: ["m:a"] });
  await new Promise((done) => setTimeout(done, 30));
  assert.deepEqual(heard, [[2, ["m:a"]]]);
});
