import { useEffect, useState, type ReactNode } from 'react';
import { Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from './DataTable';
import { useListQuery, type ListParams } from '../api/queries';

type Props<T> = {
  resource: string;
  title: string;
  newLabel: string;
  newHref: string;
  columns: Column<T>[];
  rowKey: (row: T) => number;
  defaultSort: string;
  /** extra filters beside the search box, already read from the URL by the page */
  filters?: ReactNode;
  filterParams?: ListParams;
  /** rows per page (default 50) */
  pageSize?: number;
  /** show only the first page, without "Load more" (e.g. "latest 30") */
  firstPageOnly?: boolean;
  /** shown between the title and the search box, e.g. a choice of views */
  views?: ReactNode;
};

/** Reads and writes one list's URL state (?q=…&sort=…), so Back returns to the same view. */
export function useListUrlState(defaultSort: string) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? defaultSort;
  function set(name: string, value: string | null) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }
  return { q, sort, params, set };
}

/** A searchable, sortable list with keyset paging, for one API resource. */
export function ListPage<T>(props: Props<T>) {
  const { t } = useTranslation();
  const { q, sort, set } = useListUrlState(props.defaultSort);
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);

  // typing drives the URL (after a pause) …
  useEffect(() => {
    if (debounced !== q) set('q', debounced || null);
  }, [debounced]);
  // … and a URL changed from outside (a link, Back) drives the box
  useEffect(() => {
    if (q !== debounced) setSearch(q);
  }, [q]);

  const query = useListQuery<T>(props.resource, { ...props.filterParams, q: q || undefined, sort }, props.pageSize);
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{props.title}</Title>
        <Button component={Link} to={props.newHref}>
          {props.newLabel}
        </Button>
      </Group>
      {props.views}
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('common.search')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        {props.filters}
      </Group>
      <DataTable
        caption={props.title}
        columns={props.columns}
        rows={rows}
        rowKey={props.rowKey}
        sort={sort}
        onSort={(next) => set('sort', next)}
        loading={query.isPending}
        refreshing={query.isPlaceholderData}
        error={query.error}
        hasMore={query.hasNextPage && !props.firstPageOnly}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </Stack>
  );
}
