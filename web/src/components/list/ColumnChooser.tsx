import { Button, Checkbox, Group, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../DataTable';

/** Show or hide the columns of a list; at least one stays. */
export function ColumnChooser<T>({
  columns,
  visible,
  onChange,
}: {
  columns: Column<T>[];
  visible: string[];
  onChange: (keys: string[] | null) => void;
}) {
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
