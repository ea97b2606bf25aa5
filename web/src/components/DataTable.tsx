import type { ReactNode } from 'react';
import { Alert, Button, Center, Checkbox, Group, Loader, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';

export type Column<T> = {
  key: string;
  label: string;
  /** API sort field; the header becomes a sort button when set */
  sort?: string;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
  /** hide on narrow screens to keep phone tables readable */
  wide?: boolean;
  /** left out until chosen in the column chooser */
  defaultHidden?: boolean;
  /** the export columns this column becomes (L-6); default its key, [] for none */
  exportKeys?: string[];
};

/** Row checkboxes (O-12): which rows are ticked, and how to name a row for screen readers. */
export type Selection<T> = {
  selected: ReadonlySet<number>;
  onChange: (ids: number[], checked: boolean) => void;
  rowLabel: (row: T) => string;
};

type Props<T> = {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  sort: string | null;
  onSort: (sort: string) => void;
  loading: boolean;
  /** a new search or sort is loading while the old rows still show */
  refreshing?: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  caption: string;
  selection?: Selection<T>;
};

function SortIndicator({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  if (direction === 'none') return <span aria-hidden="true"> ↕</span>;
  return <span aria-hidden="true">{direction === 'ascending' ? ' ▲' : ' ▼'}</span>;
}

/** A list table with sortable headers (`sort=field|-field`) and keyset "Load more". */
export function DataTable<T>(props: Props<T>) {
  const { t } = useTranslation();
  const { columns, rows, sort, selection } = props;
  const ids = selection ? rows.map((row) => Number(props.rowKey(row))) : [];
  const ticked = selection ? ids.filter((id) => selection.selected.has(id)).length : 0;

  function directionOf(field: string): 'ascending' | 'descending' | 'none' {
    if (sort === field) return 'ascending';
    if (sort === `-${field}`) return 'descending';
    return 'none';
  }

  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table
          striped
          highlightOnHover
          verticalSpacing="xs"
          aria-label={props.caption}
          aria-busy={props.loading || props.refreshing ? true : undefined}
          style={props.refreshing ? { opacity: 0.6 } : undefined}
        >
          <Table.Thead>
            <Table.Tr>
              {selection ? (
                <Table.Th w={36}>
                  <Checkbox
                    aria-label={t('bulk.selectAllLoaded')}
                    checked={ids.length > 0 && ticked === ids.length}
                    indeterminate={ticked > 0 && ticked < ids.length}
                    disabled={ids.length === 0}
                    onChange={(event) => selection.onChange(ids, event.currentTarget.checked)}
                  />
                </Table.Th>
              ) : null}
              {columns.map((column) => {
                const direction = column.sort ? directionOf(column.sort) : 'none';
                return (
                  <Table.Th
                    key={column.key}
                    ta={column.align}
                    aria-sort={column.sort && direction !== 'none' ? direction : undefined}
                    visibleFrom={column.wide ? 'md' : undefined}
                  >
                    {column.sort ? (
                      <UnstyledButton
                        fw={700}
                        fz="sm"
                        onClick={() => {
                          const field = column.sort as string;
                          props.onSort(direction === 'ascending' ? `-${field}` : field);
                        }}
                      >
                        {column.label}
                        <SortIndicator direction={direction} />
                      </UnstyledButton>
                    ) : (
                      column.label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={props.rowKey(row)}
                bg={selection?.selected.has(Number(props.rowKey(row))) ? 'var(--mantine-primary-color-light)' : undefined}
              >
                {selection ? (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('bulk.selectRow', { name: selection.rowLabel(row) })}
                      checked={selection.selected.has(Number(props.rowKey(row)))}
                      onChange={(event) => selection.onChange([Number(props.rowKey(row))], event.currentTarget.checked)}
                    />
                  </Table.Td>
                ) : null}
                {columns.map((column) => (
                  <Table.Td key={column.key} ta={column.align} visibleFrom={column.wide ? 'md' : undefined}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.loading ? (
        <Center p="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : null}
      {props.error ? (
        <Alert color="red" mt="md" title={t('errors.title')}>
          {errorMessage(props.error, t)}
        </Alert>
      ) : null}
      {!props.loading && !props.error && rows.length === 0 ? (
        <Text c="dimmed" ta="center" p="md">
          {t('common.noResults')}
        </Text>
      ) : null}
      {props.hasMore ? (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={props.onLoadMore} loading={props.loadingMore}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
