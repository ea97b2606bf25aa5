import { useCallback, useState } from 'react';
import type { Column } from '../DataTable';

const storageKey = (resource: string) => `trakt.columns.${resource}`;

function readStored(resource: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(resource)) ?? 'null');
    return Array.isArray(parsed) && parsed.every((key) => typeof key === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Which columns a list shows: the user's last choice in this browser (localStorage), replaced
 * when a saved view with columns is applied; the columns' defaults otherwise.
 */
export function useColumnState<T>(resource: string, columns: Column<T>[]) {
  const [chosen, setChosen] = useState<string[] | null>(() => readStored(resource));
  const defaults = columns.filter((c) => !c.defaultHidden).map((c) => c.key);
  const known = new Set(columns.map((c) => c.key));
  const visible = (chosen ?? defaults).filter((key) => known.has(key));
  const setVisible = useCallback(
    (keys: string[] | null) => {
      setChosen(keys);
      if (keys) window.localStorage.setItem(storageKey(resource), JSON.stringify(keys));
      else window.localStorage.removeItem(storageKey(resource));
    },
    [resource],
  );
  return { visible: visible.length > 0 ? visible : defaults, setVisible, isDefault: chosen === null };
}
