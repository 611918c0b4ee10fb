// gr.TabbedInterface: a tab list over one panel per Interface, with the ARIA roles
// (tablist, tab, tabpanel) so keyboards and get_by_role("tab") work.

import { h, uid } from "../dom";

export function renderTabs(title: string | null, names: string[], panels: HTMLElement[]): HTMLElement {
  const list = h("div", { class: "lite-tablist", role: "tablist" });
  const tabs: HTMLButtonElement[] = [];
  const wrapped = panels.map((panel, i) => {
    const id = uid("tab");
    const tab = h(
      "button",
      { type: "button", role: "tab", id, class: "lite-tab", "aria-selected": i === 0 ? "true" : "false" },
      names[i] ?? `Tab ${i}`,
    );
    const box = h("div", { role: "tabpanel", "aria-labelledby": id, class: "lite-tabpanel", hidden: i !== 0 }, panel);
    tab.setAttribute("aria-controls", (box.id = uid("tabpanel")));
    tab.tabIndex = i === 0 ? 0 : -1;
    tabs.push(tab);
    list.append(tab);
    return box;
  });
  const select = (index: number): void => {
    tabs.forEach((tab, i) => {
      tab.setAttribute("aria-selected", i === index ? "true" : "false");
      tab.tabIndex = i === index ? 0 : -1;
      const panel = wrapped[i];
      if (panel) panel.hidden = i !== index;
    });
    tabs[index]?.focus();
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(i));
    tab.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (step !== 0) select((i + step + tabs.length) % tabs.length);
    });
  });
  return h(
    "div",
    { class: "lite-tabbed" },
    title ? h("h1", { class: "lite-title" }, title) : null,
    list,
    ...wrapped,
  );
}
