import { Alert, Button, Center, Paper, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { keys } from '../api/query-keys';
import type { HistoryItem, Page } from '../api/types';
import { DateTimeText } from './Display';

type Props = {
  /** `opportunities`, `companies` or `contacts` */
  resource: string;
  id: number;
  /** the translation group of the record's field labels, e.g. `opportunity` */
  labels: string;
  /** turns stored values into readable ones (ids into names …) */
  formatValue?: (field: string, value: string | null) => string;
  /** names a field the labels do not know (e.g. `step:3` → the stage's name) */
  formatField?: (field: string) => string | null;
};

/** O-24 "Registerhistorik": who changed which field when, from what to what, newest first. */
export function HistoryTable({ resource, id, labels, formatValue, formatField }: Props) {
  const { t } = useTranslation();
  const history = useInfiniteQuery({
    queryKey: keys.resource(resource).history(id),
    queryFn: ({ pageParam }) => api.get<Page<HistoryItem>>(`/api/${resource}/${id}/history`, { limit: 50, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = history.data?.pages.flatMap((page) => page.items) ?? [];
  // ':' would be read as an i18next namespace separator, so such fields are named by the caller
  const fieldLabel = (field: string) =>
    formatField?.(field) ??
    (field.includes(':') ? field : t(`history.event.${field}`, { defaultValue: t(`${labels}.${field}`, { defaultValue: field }) }));
  const value = (field: string, raw: string | null) => (formatValue ? formatValue(field, raw) : (raw ?? ''));

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('history.title')}
      </Title>
      {history.error ? <Alert color="red">{errorMessage(history.error, t)}</Alert> : null}
      {!history.isPending && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.noResults')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('history.title')} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.when')}</Table.Th>
                <Table.Th>{t('history.who')}</Table.Th>
                <Table.Th>{t('history.field')}</Table.Th>
                <Table.Th>{t('history.old')}</Table.Th>
                <Table.Th>{t('history.new')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <DateTimeText timestamp={h.changedAt} />
                  </Table.Td>
                  <Table.Td title={h.changedByName ?? undefined}>{h.changedByInitials ?? h.changedByName ?? '–'}</Table.Td>
                  <Table.Td>{fieldLabel(h.field)}</Table.Td>
                  <Table.Td c="dimmed">{value(h.field, h.oldValue)}</Table.Td>
                  <Table.Td>{value(h.field, h.newValue)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {history.hasNextPage ? (
        <Center mt="sm">
          <Button variant="default" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Center>
      ) : null}
    </Paper>
  );
}
