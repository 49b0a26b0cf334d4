// The mode tabs (Diagnose, JWT inspector, Document Server, Deployment), following the
// WAI-ARIA tabs pattern: one tab stop (the selected tab), arrow keys move
// between tabs and select them, Home/End go to the first/last, each tab
// controls one tabpanel and only the selected panel is shown.

/**
 * Wire the tabs of `list` (role="tablist"). `onShow(tabId)` runs before a
 * panel is first shown and on every change, so that a mode can fill its
 * panel lazily.
 */
export function setupTabs(list, { onShow } = {}) {
  const tabs = [...list.querySelectorAll('[role="tab"]')];
  const panel = (tab) => document.getElementById(tab.getAttribute('aria-controls'));

  function select(tab, { focus = false } = {}) {
    onShow?.(tab.id);
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      panel(t).hidden = !on;
    }
    if (focus) tab.focus();
  }

  list.addEventListener('click', (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab && tabs.includes(tab)) select(tab);
  });
  list.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) return;
    const to = {
      ArrowRight: (i + 1) % tabs.length,
      ArrowLeft: (i - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(tabs[to], { focus: true });
  });
  return { select: (id, options) => select(tabs.find((t) => t.id === id), options) };
}
