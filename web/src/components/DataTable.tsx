import type { ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Table, Text, UnstyledButton } from '@mantine/core';
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
};

function SortIndicator({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  if (direction === 'none') return <span aria-hidden="true"> ↕</span>;
  return <span aria-hidden="true">{direction === 'ascending' ? ' ▲' : ' ▼'}</span>;
}

/** A list table with sortable headers (`sort=field|-field`) and keyset "Load more". */
export function DataTable<T>(props: Props<T>) {
  const { t } = useTranslation();
  const { columns, rows, sort } = props;

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
              <Table.Tr key={props.rowKey(row)}>
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
