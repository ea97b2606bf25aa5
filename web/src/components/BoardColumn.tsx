import { useEffect, useEffectEvent, useRef } from 'react';
import { Alert, Badge, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/errors';
import { useListQuery } from '../api/queries';
import type { BoardAnswer, Opportunity } from '../api/types';
import { useLanguage } from '../i18n';
import { formatMoney } from '../i18n/format';
import { BoardCard, type CardActions } from './BoardCard';

export type ColumnInfo = BoardAnswer['columns'][number];

/** The cards of one column: open opportunities at this stage, largest first, 50 at a time. */
export function columnParams(processId: number, stageId: number, sellerId: number | undefined) {
  const params: Record<string, string | number> = { processId, stageId, status: 'open', sort: '-amount' };
  if (sellerId !== undefined) params.sellerId = sellerId;
  return params;
}

export const COLUMN_PAGE = 50;

/** Base currency first, then the others alphabetically: amounts in different currencies are never added. */
export function sortTotals(totals: ColumnInfo['totals'], baseCurrency: string) {
  return [...totals].sort((a, b) =>
    a.currency === baseCurrency ? -1 : b.currency === baseCurrency ? 1 : a.currency.localeCompare(b.currency),
  );
}

type Props = {
  column: ColumnInfo;
  processId: number;
  sellerId: number | undefined;
  baseCurrency: string;
  actions: CardActions;
};

/** One stage of the board: header with count and totals from the board endpoint, a virtualised card list. */
export function BoardColumn({ column, processId, sellerId, baseCurrency, actions }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${column.stageId}`, data: { stageId: column.stageId } });
  const cards = useListQuery<Opportunity>('opportunities', columnParams(processId, column.stageId, sellerId), COLUMN_PAGE);
  const rows = cards.data?.pages.flatMap((page) => page.items) ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 124,
    overscan: 6,
    gap: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();

  // the next page loads by itself when the last card scrolls into view
  const last = items[items.length - 1];
  const loadMore = useEffectEvent(() => {
    if (last && last.index >= rows.length - 3 && cards.hasNextPage && !cards.isFetchingNextPage) void cards.fetchNextPage();
  });
  useEffect(() => {
    loadMore();
  }, [last?.index, rows.length, cards.hasNextPage, cards.isFetchingNextPage]);

  const headingId = `column-${column.stageId}`;
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-stage-id={column.stageId}
      withBorder
      p="xs"
      bg={isOver ? 'var(--mantine-color-indigo-light)' : 'var(--mantine-color-default-hover)'}
      style={{ width: 'min(290px, 82vw)', flexShrink: 0, display: 'flex', flexDirection: 'column', scrollSnapAlign: 'start' }}
    >
      <Stack gap={2} mb="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            {column.name}
          </Title>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {column.probability} %
            </Text>
            <Badge variant="filled" color="gray" size="sm" data-total="count" aria-label={t('board.countLabel', { count: column.count })}>
              {column.count}
            </Badge>
          </Group>
        </Group>
        {column.totals.length === 0 ? (
          <Text size="xs" c="dimmed" data-total="amounts">
            {t('board.noAmounts')}
          </Text>
        ) : (
          sortTotals(column.totals, baseCurrency).map((line) => (
            <Text key={line.currency} size="xs" data-total="amounts" data-currency={line.currency}>
              <span data-total="sum">{formatMoney(line.total, line.currency, language)}</span>
              <Text span c="dimmed" size="xs">
                {' · '}
                {t('board.weighted')}{' '}
              </Text>
              <span data-total="weighted">{formatMoney(line.weighted, line.currency, language)}</span>
            </Text>
          ))
        )}
      </Stack>
      <Box ref={scrollRef} style={{ flex: 1, overflowY: 'auto', minHeight: 120 }} aria-busy={cards.isFetching ? true : undefined}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const o = rows[item.index];
            if (!o) return null;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <BoardCard opportunity={o} actions={actions} />
              </div>
            );
          })}
        </div>
        {cards.isPending ? (
          <Center p="sm">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : null}
        {cards.error ? (
          <Alert color="red" p="xs">
            {errorMessage(cards.error, t)}
          </Alert>
        ) : null}
        {!cards.isPending && rows.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" p="sm">
            {t('board.empty')}
          </Text>
        ) : null}
        {cards.hasNextPage ? (
          <Center p="xs">
            <Button size="xs" variant="default" loading={cards.isFetchingNextPage} onClick={() => void cards.fetchNextPage()}>
              {t('common.loadMore')}
            </Button>
          </Center>
        ) : null}
      </Box>
    </Paper>
  );
}
