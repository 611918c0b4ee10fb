// Dataframe: a spreadsheet-like grid, editable as an input, read-only as an output.
// Only the rows in view are in the DOM (a window over the data between two spacer
// rows), so 10,000 rows draw as fast as 30. A sort changes what is shown, never the
// value (as in Gradio). Edited cells are sent as typed; Python casts them by datatype.

import { h } from "../dom";
import { setHtml, setMarkdown } from "../markdown";
import type { Json } from "../protocol";
import type { Block } from "../render/block";
import css from "./dataframe.css";
import { blankRow, cellText, datatypeOf, matching, sortOrder, type Table, toTable } from "./table";
import { type Config, defineComponent, type Widget } from "./types";

export interface Props {
  datatype: string | string[];
  row_count: number;
  row_limits: [number | null, number | null];
  column_count: number;
  column_limits: [number | null, number | null];
  max_height: number | string;
  wrap: boolean;
  column_widths: string[];
  show_row_numbers: boolean;
  max_chars: number | null;
  static_columns: number[];
  /** "search" and "filter" both show a search box that filters the rows shown. */
  show_search: "none" | "search" | "filter";
}

/** Tables up to this many rows are drawn whole; longer ones through the window. */
const WHOLE = 100;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gap. */
const OVERSCAN = 12;

export default defineComponent<Props>({
  labelFor: false,
  css,
  input: (config, b) => grid(config, b, true),
  output: (config, b) => grid(config, b, false),
});

function grid(config: Config<Props>, b: Block, isInput: boolean): Widget {
  const p = config.props;
  const editable = config.interactive;
  let table: Table = toTable(null);
  let order: number[] | null = null; // display row -> data row, while sorted or searched
  let sorted: { column: number; descending: boolean } | null = null;
  let query = "";
  let active = { row: 0, col: 0 }; // display coordinates of the focusable cell
  let editing: { input: HTMLInputElement; row: number; col: number } | null = null;
  let types: string[] = []; // each column's datatype; follows columns added and removed
  let rowHeight = 0; // measured once rows are laid out
  let drawn: [number, number] = [0, 0];
  const listeners: (() => void)[] = [];

  const thead = h("thead");
  const tbody = h("tbody");
  const el = h(
    "table",
    { role: "grid", id: b.controlId, class: "lite-df-table", "aria-labelledby": b.labelId, "aria-readonly": editable ? null : "true" },
    thead,
    tbody,
  );
  const scroller = h("div", { class: "lite-df-scroll" }, el);
  scroller.style.maxHeight = typeof p.max_height === "number" ? `${p.max_height}px` : p.max_height;
  const frame = h("div", { class: p.wrap ? "lite-df lite-df-wrap" : "lite-df" }, scroller);
  b.root.append(frame);

  /** Rows shown (a search hides some). */
  const rows = (): number => (order ? order.length : table.data.length);
  const dataRow = (row: number): number => (order ? (order[row] ?? row) : row);
  const datatype = (col: number): string => types[col] ?? "str";
  const fixed = ([min, max]: [number | null, number | null]): boolean => min !== null && min === max;
  const canEdit = (col: number): boolean => editable && !p.static_columns.includes(col);
  // Controls inside the grid are named by `title` (the accessible name when there is no
  // other), not aria-label: a column called "Price" must not make get_by_label("Price")
  // find every cell as well as the page's own "Price" component.
  const label = (row: number, col: number): string => `${table.headers[col] ?? ""}, row ${row + 1}`;
  const changed = (): void => listeners.forEach((listener) => listener());

  // ---- drawing ----

  function drawHead(): void {
    const cells: HTMLElement[] = p.show_row_numbers ? [h("th", { scope: "col", class: "lite-df-num" }, "#")] : [];
    table.headers.forEach((header, col) => {
      const state = sorted?.column === col ? (sorted.descending ? "descending" : "ascending") : null;
      const button = h(
        "button",
        { type: "button", class: "lite-df-sort", title: `Sort by ${header}` },
        header,
        h("span", { class: "lite-df-arrow", "aria-hidden": "true" }, state === null ? "" : state === "ascending" ? " ▲" : " ▼"),
      );
      button.addEventListener("click", () => sortBy(col));
      const th = h("th", { scope: "col", "aria-sort": state, class: datatype(col) === "number" ? "lite-df-num" : null }, button);
      const width = p.column_widths[col];
      if (width !== undefined) th.style.width = width;
      cells.push(th);
    });
    thead.replaceChildren(h("tr", { "aria-rowindex": "1" }, ...cells));
    el.setAttribute("aria-colcount", String(table.headers.length + (p.show_row_numbers ? 1 : 0)));
  }

  /** The display rows to draw: all of a short table, else those in view plus overscan. */
  function range(): [number, number] {
    const n = rows();
    if (n <= WHOLE || rowHeight === 0) return [0, Math.min(n, WHOLE)];
    const top = Math.max(0, scroller.scrollTop - thead.offsetHeight);
    const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
    const last = Math.min(n, Math.ceil((top + (scroller.clientHeight || 600)) / rowHeight) + OVERSCAN);
    return [first, last];
  }

  function drawBody(): void {
    const refocus = tbody.contains(document.activeElement);
    commit(); // a redraw ends an edit: its cell may be leaving the window
    const [first, last] = range();
    const spacer = (count: number): HTMLElement => {
      const tr = h("tr", { class: "lite-df-spacer", "aria-hidden": "true" });
      tr.style.height = `${count * rowHeight}px`;
      return tr;
    };
    const out: HTMLElement[] = first > 0 ? [spacer(first)] : [];
    for (let row = first; row < last; row++) out.push(drawRow(row));
    if (last < rows()) out.push(spacer(rows() - last));
    tbody.replaceChildren(...out);
    drawn = [first, last];
    el.setAttribute("aria-rowcount", String(rows() + 1));
    if (rowHeight === 0 && last > first) {
      const height = (out[0]?.getBoundingClientRect().height ?? 0) || 0;
      if (height > 0) {
        rowHeight = height;
        if (rows() > WHOLE) drawBody(); // now the window can be computed
      }
    }
    if (refocus) cellAt(active.row, active.col)?.focus({ preventScroll: true });
  }

  function drawRow(row: number): HTMLElement {
    const tr = h("tr", { "aria-rowindex": String(row + 2) });
    if (p.show_row_numbers) tr.append(h("th", { scope: "row", class: "lite-df-num" }, String(row + 1)));
    const values = table.data[dataRow(row)] ?? [];
    values.forEach((_, col) => {
      const td = h("td", {
        role: "gridcell",
        "data-row": String(row),
        "data-col": String(col),
        tabindex: row === active.row && col === active.col ? "0" : "-1",
        "aria-readonly": editable && !canEdit(col) ? "true" : null,
      });
      fill(td, row, col);
      tr.append(td);
    });
    return tr;
  }

  function fill(td: HTMLElement, row: number, col: number): void {
    const r = dataRow(row);
    const value = table.data[r]?.[col] ?? null;
    const type = datatype(col);
    td.className = type === "number" ? "lite-df-num" : "";
    if (editing?.row === row && editing.col === col) return td.replaceChildren(editing.input);
    if (type === "bool") {
      const box = h("input", {
        type: "checkbox",
        tabindex: "-1",
        title: label(row, col),
        checked: value === true || value === "true",
        disabled: !canEdit(col),
      });
      box.addEventListener("change", () => setCell(row, col, box.checked));
      return td.replaceChildren(box);
    }
    const shown = !editable ? table.display?.[r]?.[col] : undefined;
    const text = shown ?? cellText(value);
    if (type === "markdown" || type === "html") {
      const span = h("span", { class: "lite-df-rich" });
      (type === "markdown" ? setMarkdown : setHtml)(span, text);
      return td.replaceChildren(span);
    }
    const short = cellText(text, p.max_chars);
    td.replaceChildren(short);
    if (short !== text) td.title = text;
    else td.removeAttribute("title");
  }

  const cellAt = (row: number, col: number): HTMLElement | null =>
    tbody.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${col}"]`);

  // ---- moving, editing, sorting ----

  function moveTo(row: number, col: number): void {
    const n = rows();
    if (n === 0) return;
    active = { row: Math.max(0, Math.min(n - 1, row)), col: Math.max(0, Math.min(table.headers.length - 1, col)) };
    if (!cellAt(active.row, active.col)) {
      // Out of the drawn window: scroll it into view, then draw that window.
      if (rowHeight > 0) scroller.scrollTop = Math.max(0, (active.row - 2) * rowHeight);
      drawBody();
    }
    for (const td of tbody.querySelectorAll<HTMLElement>("td[tabindex='0']")) td.tabIndex = -1;
    const td = cellAt(active.row, active.col);
    if (td) {
      td.tabIndex = 0;
      td.focus();
    }
  }

  /** Tab order through the cells, row by row; false at either end (focus leaves). */
  function step(forward: boolean): boolean {
    const width = table.headers.length;
    const index = active.row * width + active.col + (forward ? 1 : -1);
    if (index < 0 || index >= rows() * width) return false;
    moveTo(Math.floor(index / width), index % width);
    return true;
  }

  function setCell(row: number, col: number, value: Json): void {
    const data = table.data[dataRow(row)];
    if (!data || !canEdit(col)) return;
    data[col] = value;
    const td = editing?.row === row && editing.col === col ? null : cellAt(row, col);
    if (td) fill(td, row, col);
    changed();
  }

  function startEdit(initial?: string): void {
    const { row, col } = active;
    if (!canEdit(col) || rows() === 0) return;
    if (datatype(col) === "bool") {
      const value = table.data[dataRow(row)]?.[col];
      return setCell(row, col, !(value === true || value === "true"));
    }
    const input = h("input", { type: "text", class: "lite-df-editor", title: label(row, col) });
    input.value = initial ?? cellText(table.data[dataRow(row)]?.[col] ?? null);
    input.addEventListener("blur", () => commit());
    editing = { input, row, col };
    const td = cellAt(row, col);
    if (td) fill(td, row, col);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }

  function commit(cancel = false): void {
    if (!editing) return;
    const { input, row, col } = editing;
    editing = null;
    const old = table.data[dataRow(row)]?.[col] ?? null;
    if (!cancel && input.value !== cellText(old)) setCell(row, col, input.value);
    const td = cellAt(row, col);
    if (td) fill(td, row, col);
  }

  /** The rows shown, in the order shown: sorted, then searched (the value is untouched). */
  function reorder(): void {
    const view = sorted ? sortOrder(table.data, sorted.column, sorted.descending, datatype(sorted.column)) : null;
    order = query.trim() ? matching(table.data, query, view) : view;
  }

  function sortBy(col: number): void {
    commit();
    // Ascending, then descending, then the data's own order.
    if (sorted?.column !== col) sorted = { column: col, descending: false };
    else sorted = sorted.descending ? null : { column: col, descending: true };
    reorder();
    drawHead();
    drawBody();
  }

  if (p.show_search !== "none") {
    const search = h("input", { type: "search", class: "lite-df-search", placeholder: "Search…", title: "Search rows" });
    search.addEventListener("input", () => {
      commit();
      query = search.value;
      reorder();
      active = { row: 0, col: active.col };
      scroller.scrollTop = 0;
      drawBody();
      updateTools();
    });
    frame.prepend(search);
  }

  tbody.addEventListener("keydown", (event) => {
    if (editing && event.target === editing.input) {
      if (event.isComposing) return;
      if (event.key === "Enter" || event.key === "Tab" || event.key === "Escape") {
        event.preventDefault();
        commit(event.key === "Escape");
        if (event.key === "Enter") moveTo(active.row + 1, active.col);
        else if (event.key === "Tab") step(!event.shiftKey) || moveTo(active.row, active.col);
        else moveTo(active.row, active.col);
      }
      return;
    }
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-10, 0],
      PageDown: [10, 0],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(active.row + move[0], active.col + move[1]);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      const end = event.key === "End";
      moveTo(event.ctrlKey ? (end ? rows() - 1 : 0) : active.row, end ? table.headers.length - 1 : 0);
    } else if (event.key === "Tab") {
      if (step(!event.shiftKey)) event.preventDefault();
    } else if (event.key === "Enter" || event.key === "F2" || (event.key === " " && datatype(active.col) === "bool")) {
      event.preventDefault();
      startEdit();
    } else if ((event.key === "Delete" || event.key === "Backspace") && datatype(active.col) !== "bool") {
      event.preventDefault();
      if (canEdit(active.col)) setCell(active.row, active.col, "");
      moveTo(active.row, active.col);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (!canEdit(active.col) || datatype(active.col) === "bool") return;
      event.preventDefault(); // the key starts the edit, replacing the cell's text
      startEdit(event.key);
    }
  });

  tbody.addEventListener("click", (event) => {
    const td = (event.target as Element).closest<HTMLElement>("td[data-col]");
    if (!td || (editing && event.target === editing.input)) return;
    const row = Number(td.dataset["row"]);
    const col = Number(td.dataset["col"]);
    moveTo(row, col);
    // One click edits a text cell, as in Gradio (a checkbox toggles itself).
    if (datatype(col) !== "bool" && editable) startEdit();
  });

  // The first draw may happen before the grid is on the page (nothing to measure):
  // draw again once it has a size.
  new ResizeObserver(() => {
    if (rowHeight === 0 && rows() > 0) drawBody();
  }).observe(scroller);

  let scheduled = false;
  scroller.addEventListener(
    "scroll",
    () => {
      if (scheduled || rows() <= WHOLE) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        const [first, last] = range();
        if (first !== drawn[0] || last !== drawn[1]) drawBody();
      });
    },
    { passive: true },
  );

  // ---- adding and removing rows and columns ----

  const tools = h("div", { class: "lite-df-tools" });
  const button = (text: string, title: string, action: () => void): HTMLButtonElement => {
    const tool = h("button", { type: "button", class: "lite-df-tool", title }, text);
    tool.addEventListener("click", () => {
      commit();
      action();
      drawBody();
      changed();
      updateTools();
      moveTo(active.row, active.col);
    });
    tools.append(tool);
    return tool;
  };
  const [rowMin, rowMax] = p.row_limits;
  const [colMin, colMax] = p.column_limits;
  const addRow = button("Add row", "Add an empty row at the end", () => {
    table.data.push(blankRow(types));
    order?.push(table.data.length - 1); // shown last, whatever the sort or search
    active = { row: rows() - 1, col: 0 };
  });
  const deleteRow = button("Delete row", "Delete the row of the selected cell", () => {
    const r = dataRow(active.row);
    table.data.splice(r, 1);
    if (order) order = order.filter((i) => i !== r).map((i) => (i > r ? i - 1 : i));
  });
  const addColumn = button("Add column", "Add a column at the end", () => {
    table.headers.push(`Header ${table.headers.length + 1}`);
    types.push("str");
    for (const row of table.data) row.push("");
    drawHead();
    active.col = table.headers.length - 1;
  });
  const deleteColumn = button("Delete column", "Delete the column of the selected cell", () => {
    const col = active.col;
    table.headers.splice(col, 1);
    types.splice(col, 1);
    for (const row of table.data) row.splice(col, 1);
    sorted = null;
    reorder();
    drawHead();
  });
  const rename = h(
    "button",
    { type: "button", class: "lite-df-tool", title: "Rename the column of the selected cell" },
    "Rename column",
  );
  rename.addEventListener("click", () => renameColumn(active.col));
  tools.append(rename);
  function updateTools(): void {
    addRow.disabled = rowMax !== null && table.data.length >= rowMax;
    deleteRow.disabled = rows() === 0 || table.data.length <= Math.max(1, rowMin ?? 1);
    addColumn.disabled = colMax !== null && table.headers.length >= colMax;
    deleteColumn.disabled = table.headers.length <= Math.max(1, colMin ?? 1);
  }
  addRow.hidden = deleteRow.hidden = fixed(p.row_limits);
  addColumn.hidden = deleteColumn.hidden = rename.hidden = fixed(p.column_limits);

  /** The column's header becomes a text box: Enter or leaving keeps the name, Escape not. */
  function renameColumn(col: number): void {
    commit();
    const th = thead.querySelectorAll("th")[col + (p.show_row_numbers ? 1 : 0)];
    if (!th) return;
    const input = h("input", { type: "text", class: "lite-df-editor", title: `Name of column ${col + 1}` });
    input.value = table.headers[col] ?? "";
    let done = false;
    const finish = (keep: boolean): void => {
      if (done) return;
      done = true;
      const name = input.value.trim();
      const renamed = keep && name !== "" && name !== table.headers[col];
      if (renamed) table.headers[col] = name;
      drawHead();
      if (renamed) {
        drawBody(); // cells' accessible names say their column
        changed();
      }
      moveTo(active.row, col);
    };
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== "Escape") return;
      event.preventDefault();
      finish(event.key === "Enter");
    });
    input.addEventListener("blur", () => finish(true));
    th.replaceChildren(input);
    input.focus();
    input.select();
  }
  if (editable && !(addRow.hidden && addColumn.hidden)) b.root.append(tools);

  return {
    control: el,
    get: () => ({ headers: [...table.headers], data: table.data.map((row) => [...row]), metadata: null }),
    set: (value) => {
      editing = null;
      table = toTable(value);
      // An empty input shows row_count blank rows to type into (Gradio's docs).
      const blank = isInput && editable && table.data.length === 0;
      while (blank && table.headers.length < p.column_count) table.headers.push(String(table.headers.length + 1));
      types = table.headers.map((_, col) => datatypeOf(p.datatype, col));
      if (blank) table.data = Array.from({ length: p.row_count }, () => blankRow(types));
      sorted = null;
      reorder(); // a search typed before stays applied to the new rows
      active = { row: 0, col: 0 };
      scroller.scrollTop = 0;
      drawHead();
      drawBody();
      updateTools();
    },
    onChange: (listener) => listeners.push(listener),
  };
}
