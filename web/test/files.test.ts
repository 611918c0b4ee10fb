import assert from "node:assert/strict";
import { test } from "node:test";
import { filesIn, liveReceivedUrls, packFiles, pickedFile, revokeReceived, unpackFiles } from "../src/files";
import type { FileData, Json } from "../src/protocol";

const out = (path: string): FileData => ({
  _type: "file", path, url: null, orig_name: "a.txt", size: 1, mime_type: "text/plain", buffer: 0,
});

test("picked files are packed as transferable buffers, indexed from the FileData", async () => {
  const file = new File(["hello"], "hi.txt", { type: "text/plain" });
  const picked = pickedFile(file);
  const { data, buffers } = await packFiles(["text", [picked, 3], null]);
  assert.equal(buffers.length, 1);
  assert.equal(new TextDecoder().decode(buffers[0]), "hello");
  const sent = filesIn(data as Json);
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.buffer, 0);
  assert.equal(sent[0]?.orig_name, "hi.txt");
  assert.equal(data[0], "text");
});

test("received buffers become object URLs that are revoked once replaced", () => {
  const before = liveReceivedUrls();
  const shown = unpackFiles([out("/tmp/a"), "x"], [new TextEncoder().encode("a").buffer]);
  const file = shown[0] as FileData;
  assert.match(file.url ?? "", /^blob:/);
  assert.equal(file.buffer, null);
  assert.equal(liveReceivedUrls(), before + 1);
  revokeReceived(shown as Json);
  assert.equal(liveReceivedUrls(), before);
});
