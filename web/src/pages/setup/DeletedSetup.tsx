import { useState } from 'react';
import { Alert, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../api/errors';
import { useRestoreOpportunity } from '../../api/opportunity-mutations';
import { keys } from '../../api/query-keys';
import type { OpportunityStatus } from '../../api/types';
import { DateTimeText, Money, StatusBadge } from '../../components/Display';

type Deleted = {
  id: number;
  number: number;
  title: string;
  companyName: string;
  amount: number | null;
  currency: string;
  status: OpportunityStatus;
  deletedAt: string;
  deletedByInitials: string | null;
};

/** O-14: deleted opportunities an admin can still bring back (for 30 days). */
export function DeletedSetup() {
  const { t } = useTranslation();
  const restoreOne = useRestoreOpportunity();
  const [restoring, setRestoring] = useState<number | null>(null);
  const deleted = useQuery({
    queryKey: keys.opportunities.deleted,
    queryFn: () => api.get<{ items: Deleted[]; restoreDays: number }>('/api/opportunities/deleted'),
  });

  async function restore(item: Deleted) {
    setRestoring(item.id);
    try {
      await restoreOne.mutateAsync(item.id);
      notifySaved(t, t('deleted.restored', { title: item.title }));
    } catch (error) {
      notifyError(error, t);
    } finally {
      setRestoring(null);
    }
  }

  if (deleted.isError) return <Alert color="red">{t('errors.generic')}</Alert>;
  const items = deleted.data?.items ?? [];
  return (
    <Stack>
      <Text c="dimmed">{t('deleted.explain', { days: deleted.data?.restoreDays ?? 30 })}</Text>
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('opportunity.number')}</Table.Th>
              <Table.Th>{t('opportunity.title')}</Table.Th>
              <Table.Th>{t('opportunity.company')}</Table.Th>
              <Table.Th>{t('opportunity.status')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('opportunity.amount')}</Table.Th>
              <Table.Th>{t('deleted.deletedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.number}</Table.Td>
                <Table.Td>{item.title}</Table.Td>
                <Table.Td>{item.companyName}</Table.Td>
                <Table.Td>
                  <StatusBadge status={item.status} />
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Money amount={item.amount} currency={item.currency} />
                </Table.Td>
                <Table.Td>
                  <DateTimeText timestamp={item.deletedAt} /> {item.deletedByInitials ? `· ${item.deletedByInitials}` : ''}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    loading={restoring === item.id}
                    onClick={() => void restore(item)}
                    aria-label={t('deleted.restoreOne', { title: item.title })}
                  >
                    {t('deleted.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
            {items.length === 0 && !deleted.isPending && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed">{t('deleted.none')}</Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="sm">
        <Link to="/opportunities">{t('nav.opportunities')}</Link>
      </Text>
    </Stack>
  );
}
