// The WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/) for the options
// page's tab lists: one Tab stop for the whole list (roving tabindex: only the selected tab is
// in the Tab order), Left/Right move to the previous/next tab and select it (wrapping), Home/End
// to the first/last. Selection follows focus: each tab's panel shows at once.

/** The tab a key moves to from `current`, or null when the key is not one of the list's. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current);
  if (i < 0 || tabs.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return tabs[(i + 1) % tabs.length]!;
    case 'ArrowLeft':
      return tabs[(i - 1 + tabs.length) % tabs.length]!;
    case 'Home':
      return tabs[0]!;
    case 'End':
      return tabs[tabs.length - 1]!;
    default:
      return null;
  }
}

/**
 * The props of one tab of a list whose tabs are `tabs`, `id` being this one and `selected` the
 * selected one. `idOf` gives a tab's element id (the panel names it in aria-labelledby).
 */
export function tabProps<T extends string>(tabs: readonly T[], id: T, selected: T, select: (tab: T) => void, idOf: (tab: T) => string, panelId: string) {
  return {
    id: idOf(id),
    role: 'tab',
    'aria-selected': id === selected,
    'aria-controls': panelId,
    tabIndex: id === selected ? 0 : -1,
    onClick: () => select(id),
    onKeyDown: (e: KeyboardEvent) => {
      const next = tabAfterKey(tabs, id, e.key);
      if (next === null) return;
      e.preventDefault();
      select(next);
      // the new tab's button is the same list's sibling: focus follows the selection
      const list = (e.currentTarget as HTMLElement).closest('[role="tablist"]');
      list?.querySelector<HTMLElement>(`#${CSS.escape(idOf(next))}`)?.focus();
    },
  } as const;
}
