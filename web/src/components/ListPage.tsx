import { useMemo, useState, type ReactNode } from 'react';
import { Badge, Button, Collapse, Drawer, Group, Paper, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { setParam, useUrlParams } from './list/use-url-params';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from './DataTable';
import { useListQuery } from '../api/queries';
import { useInstance } from '../api/session';
import type { ListResourceName, OpportunitySummary, SavedView } from '../api/types';
import { FILTERS } from './list/filter-defs';
import { FilterPanel } from './list/FilterPanel';
import { FilterChips } from './list/FilterChips';
import { SearchBox } from './list/SearchBox';
import { LetterBar } from './list/LetterBar';
import { ViewMenu } from './list/ViewMenu';
import { ColumnChooser } from './list/ColumnChooser';
import { useColumnState } from './list/use-column-state';
import { ExportMenu } from './list/ExportMenu';
import { SelectionSummary } from './list/SelectionSummary';
import { apiQuery, filterEntries, searchScopeOf, SEARCH_SCOPES, UI_PARAMS, type SearchScope } from './list/list-params';

type Props<T> = {
  resource: ListResourceName;
  title: string;
  newLabel: string;
  newHref: string;
  columns: Column<T>[];
  rowKey: (row: T) => number;
  defaultSort: string;
  /** rows per page (default 50) */
  pageSize?: number;
  /** shown between the title and the toolbar, e.g. a choice of views */
  extra?: ReactNode;
  /** buttons beside "New" in the header */
  actions?: ReactNode;
  /** what free-text search looks in, for the search help */
  searchHint: string;
  /** offer subject / note besides free text (opportunities) */
  searchScopes?: boolean;
  /** the initial-letter bar and what the letter applies to; none when the list has no `letter` filter */
  letterLabel?: string;
  /** the selection summary under the list (opportunities, L-5) */
  summary?: boolean;
  /** row checkboxes and what to do with the ticked rows (opportunities, O-12) */
  bulk?: { rowLabel: (row: T) => string; render: (selected: number[], rows: T[], clear: () => void) => ReactNode };
  /** vCard besides the table formats (contacts, L-8) */
  vcard?: boolean;
};

/** Reads and writes one list's URL: each filter change is a history entry, so Back undoes it. */
function useListUrl(defaultSort: string) {
  const { params, update: change } = useUrlParams();
  const query = useMemo(() => apiQuery(params, defaultSort), [params, defaultSort]);
  const update = (edit: (next: URLSearchParams) => void, replace = false) => change(edit, { replace });
  const set = (name: string, value: string | null, replace = false) => update((next) => setParam(next, name, value), replace);
  return { params, query, update, set };
}

/** A list with filters, search, letter bar, saved views, columns, export and keyset paging (U-2). */
export function ListPage<T>(props: Props<T>) {
  const { t } = useTranslation();
  const instance = useInstance();
  const baseCurrency = instance?.baseCurrency ?? 'EUR';
  const phone = useMediaQuery('(max-width: 48em)');
  const { params, query, update, set } = useListUrl(props.defaultSort);
  const defs = FILTERS[props.resource];
  const [panelOpen, setPanelOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const columnState = useColumnState(props.resource, props.columns);
  const shown = props.columns.filter((c) => columnState.visible.includes(c.key));
  const exportColumns = [...new Set(shown.flatMap((c) => c.exportKeys ?? [c.key]))];
  const scope = searchScopeOf(params);
  const filters = filterEntries(query);
  const panelCount = filters.filter(([key]) => key !== 'letter' && !(SEARCH_SCOPES as readonly string[]).includes(key)).length;
  const savedViewId = Number(params.get('sv')) || null;

  const list = useListQuery<T, { summary: OpportunitySummary }>(
    props.resource,
    query,
    props.pageSize,
    props.summary ? { summary: true } : undefined,
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];

  // a new selection starts with nothing ticked
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const queryKey = JSON.stringify(query);
  const [selectedFor, setSelectedFor] = useState(queryKey);
  if (selectedFor !== queryKey) {
    setSelectedFor(queryKey);
    setSelected(new Set());
  }

  function search(next: SearchScope, text: string | null, previous: SearchScope) {
    // typing replaces the history entry, so Back does not step through every letter
    update((p) => {
      p.delete(previous);
      if (text) p.set(next, text);
      else p.delete(next);
    }, next === previous);
  }
  function applyView(view: SavedView) {
    update((p) => {
      for (const key of [...p.keys()]) if (!(UI_PARAMS as readonly string[]).includes(key)) p.delete(key);
      for (const [key, value] of Object.entries(view.query)) p.set(key, value);
      p.set('sv', String(view.id));
    });
    if (view.columns.length > 0) columnState.setVisible(view.columns);
  }
  function clearFilters() {
    update((p) => {
      for (const [key] of filters) p.delete(key);
    });
  }

  const searchBox = (
    <SearchBox
      value={params.get(scope) ?? ''}
      scope={scope}
      withScopes={props.searchScopes === true}
      scopeHint={props.searchHint}
      onSearch={search}
    />
  );
  const letterBar = props.letterLabel ? (
    <LetterBar label={props.letterLabel} value={params.get('letter')} onChange={(letter) => set('letter', letter)} />
  ) : null;
  const menus = (
    <>
      <ViewMenu
        resource={props.resource}
        query={query}
        columns={columnState.visible}
        activeId={savedViewId}
        onApply={applyView}
        onForget={() => set('sv', null)}
      />
      <ColumnChooser columns={props.columns} visible={columnState.visible} onChange={columnState.setVisible} />
      <ExportMenu resource={props.resource} query={query} columns={exportColumns} vcard={props.vcard} />
    </>
  );
  const panel = <FilterPanel defs={defs} params={params} set={(name, value) => set(name, value)} />;
  const filterCount =
    panelCount > 0 ? (
      <Badge size="sm" circle ml={6} aria-hidden="true">
        {panelCount}
      </Badge>
    ) : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{props.title}</Title>
        <Group gap="xs">
          {props.actions}
          <Button component={Link} to={props.newHref}>
            {props.newLabel}
          </Button>
        </Group>
      </Group>
      {props.extra}
      {phone ? (
        <>
          <Button
            variant="default"
            onClick={() => setDrawerOpen(true)}
            aria-label={t('filters.openDrawer', { count: filters.length })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('filters.drawerButton')}
            {filterCount}
          </Button>
          <Drawer opened={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('filters.drawerTitle')} position="bottom" size="92%">
            <Stack gap="md">
              {/* a block of its own: in a column the box's flex basis would become its height */}
              <div>{searchBox}</div>
              {letterBar}
              <Group gap="xs">{menus}</Group>
              {panel}
              <Button onClick={() => setDrawerOpen(false)}>{t('filters.showResults')}</Button>
            </Stack>
          </Drawer>
        </>
      ) : (
        <>
          <Group align="flex-end" gap="xs" role="group" aria-label={t('filters.toolbar')}>
            {searchBox}
            <Button
              variant={panelOpen ? 'light' : 'default'}
              onClick={() => setPanelOpen((open) => !open)}
              aria-expanded={panelOpen}
              aria-controls="list-filter-panel"
            >
              {t('filters.button')}
              {filterCount}
            </Button>
            {menus}
          </Group>
          {letterBar}
          <Collapse expanded={panelOpen} id="list-filter-panel">
            <Paper withBorder p="md">
              {panel}
            </Paper>
          </Collapse>
        </>
      )}
      <FilterChips
        defs={defs}
        entries={filters}
        onRemove={(param) => set(param, null)}
        onClear={clearFilters}
        letterLabel={props.letterLabel ?? ''}
      />
      {props.bulk ? props.bulk.render([...selected], rows, () => setSelected(new Set())) : null}
      <DataTable
        caption={props.title}
        columns={shown}
        rows={rows}
        rowKey={props.rowKey}
        sort={query.sort ?? props.defaultSort}
        onSort={(next) => set('sort', next)}
        loading={list.isPending}
        refreshing={list.isPlaceholderData}
        error={list.error}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        selection={
          props.bulk
            ? {
                selected,
                rowLabel: props.bulk.rowLabel,
                onChange: (ids, checked) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    for (const id of ids) {
                      if (checked) next.add(id);
                      else next.delete(id);
                    }
                    return next;
                  }),
              }
            : undefined
        }
      />
      {props.summary ? (
        <SelectionSummary summary={list.data?.pages[0]?.summary} baseCurrency={baseCurrency} refreshing={list.isPlaceholderData} />
      ) : null}
    </Stack>
  );
}
