import { useCallback, useState } from 'react';
import { Button, Checkbox, Group, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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

/** Show or hide the columns of a list; at least one stays. */
export function ColumnChooser<T>({ columns, visible, onChange }: { columns: Column<T>[]; visible: string[]; onChange: (keys: string[] | null) => void }) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default">{t('columns.button')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('columns.title')}
          value={visible}
          // keep the columns' own order whatever order they were ticked in
          onChange={(keys) => keys.length > 0 && onChange(columns.map((c) => c.key).filter((key) => keys.includes(key)))}
        >
          <Stack gap={6} mt="xs">
            {columns.map((column) => (
              <Checkbox key={column.key} value={column.key} label={column.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end" mt="sm">
          <Button size="compact-sm" variant="subtle" onClick={() => onChange(null)}>
            {t('columns.reset')}
          </Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
