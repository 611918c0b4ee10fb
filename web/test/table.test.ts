import assert from "node:assert/strict";
import { test } from "node:test";
import { blankRow, cellText, datatypeOf, matching, sortOrder, toTable } from "../src/components/table";

test("toTable pads rows and headers to one width and tolerates bad shapes", () => {
  assert.deepEqual(toTable({ headers: ["a"], data: [[1, 2], [3]], metadata: null }), {
    headers: ["a", "2"],
    data: [
      [1, 2],
      [3, null],
    ],
    display: null,
  });
  assert.deepEqual(toTable(null), { headers: [], data: [], display: null });
  assert.deepEqual(toTable("x").data, []);
  const shown = toTable({ headers: ["p"], data: [[1]], metadata: { display_value: [["1.00"]] } });
  assert.deepEqual(shown.display, [["1.00"]]);
});

test("sortOrder sorts numbers as numbers, text naturally, empty cells last, and is stable", () => {
  const data = [[10], ["9"], [null], ["b"], ["A"], [2], [""]];
  assert.deepEqual(sortOrder(data, 0, false, "number"), [5, 1, 0, 4, 3, 2, 6]);
  assert.deepEqual(sortOrder(data, 0, true, "number"), [3, 4, 0, 1, 5, 2, 6]);
  assert.deepEqual(sortOrder([["row 10"], ["row 9"], ["row 9"]], 0, false, "str"), [1, 2, 0]);
  assert.deepEqual(sortOrder([[true], [false]], 0, false, "bool"), [1, 0]);
});

test("blank rows, datatypes per column, and cell text", () => {
  assert.deepEqual(blankRow(["str", "bool", "number"]), ["", false, ""]);
  assert.equal(datatypeOf(["number"], 0), "number");
  assert.equal(datatypeOf(["number"], 3), "str");
  assert.equal(datatypeOf("bool", 3), "bool");
  assert.equal(cellText(2.5), "2.5");
  assert.equal(cellText(null), "");
  assert.equal(cellText("abcdef", 3), "abc…");
  assert.equal(cellText("abc", 3), "abc");
});

test("matching keeps the rows with a cell containing the query, in the view's order", () => {
  const data = [["Tea", 2], ["bread", 12], ["cheese", 3]];
  assert.deepEqual(matching(data, "  E "), [0, 1, 2]);
  assert.deepEqual(matching(data, "2"), [0, 1]);
  assert.deepEqual(matching(data, "2", [1, 0, 2]), [1, 0]);
  assert.deepEqual(matching(data, "xyz"), []);
});
