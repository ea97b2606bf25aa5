// The smaller tabs of the opportunity page: close history and follow-up dates.
import { Alert, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCompetitors, useSetupList } from '../../api/queries';
import { keys } from '../../api/query-keys';
import type { Closing, FollowUp, Opportunity } from '../../api/types';
import { DateText, DateTimeText, Money } from '../../components/Display';

const OUTCOME_COLOR = { won: 'green', lost: 'red', expired: 'gray' } as const;

/** O-11: every close of the opportunity, kept when it is reopened. */
export function ClosingsTab({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const closings = useQuery({
    queryKey: keys.opportunities.closings(o.id),
    queryFn: () => api.get<{ items: Closing[] }>(`/api/opportunities/${o.id}/closings`),
  });
  const winReasons = useSetupList('win-reasons');
  const lossReasons = useSetupList('loss-reasons');
  const competitors = useCompetitors();
  const reason = (k: Closing) => {
    if (k.winReasonId) return winReasons.data?.find((r) => r.id === k.winReasonId)?.name ?? '';
    if (k.lossReasonId) return lossReasons.data?.find((r) => r.id === k.lossReasonId)?.name ?? '';
    return '';
  };
  const rows = closings.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('closing.history')}
      </Title>
      {closings.error ? <Alert color="red">{errorMessage(closings.error, t)}</Alert> : null}
      {closings.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('closing.neverClosed')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label={t('closing.history')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opportunity.status')}</Table.Th>
                <Table.Th>{t('closing.closeDate')}</Table.Th>
                <Table.Th>{t('closing.actualAmount')}</Table.Th>
                <Table.Th>{t('closing.reason')}</Table.Th>
                <Table.Th>{t('closing.winner')}</Table.Th>
                <Table.Th>{t('closing.note')}</Table.Th>
                <Table.Th>{t('closing.closedBy')}</Table.Th>
                <Table.Th>{t('closing.reopenedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((k) => (
                <Table.Tr key={k.id}>
                  <Table.Td>
                    <Badge color={OUTCOME_COLOR[k.outcome]} variant="light">
                      {t(`status.${k.outcome}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <DateText date={k.closeDate} />
                  </Table.Td>
                  <Table.Td>
                    <Money amount={k.actualAmount} currency={o.currency} />
                  </Table.Td>
                  <Table.Td>{reason(k)}</Table.Td>
                  <Table.Td>
                    {k.winnerCompetitorId ? (competitors.data?.find((c) => c.id === k.winnerCompetitorId)?.name ?? '') : ''}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{k.note}</Table.Td>
                  <Table.Td>
                    {k.closedByInitials} <DateTimeText timestamp={k.closedAt} />
                  </Table.Td>
                  <Table.Td>
                    {k.reopenedAt ? (
                      <>
                        {k.reopenedByInitials} <DateTimeText timestamp={k.reopenedAt} />
                      </>
                    ) : (
                      '–'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** O-21: the follow-up dates the opportunity has had, newest first. */
export function FollowUpHistory({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const followUps = useQuery({
    queryKey: keys.opportunities.followUps(o.id),
    queryFn: () => api.get<{ items: FollowUp[] }>(`/api/opportunities/${o.id}/follow-ups`),
  });
  const rows = followUps.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('followUps.title')}
      </Title>
      {followUps.error ? <Alert color="red">{errorMessage(followUps.error, t)}</Alert> : null}
      {followUps.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('followUps.none')}
        </Text>
      ) : (
        <Table aria-label={t('followUps.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('opportunity.followUpDate')}</Table.Th>
              <Table.Th>{t('followUps.setAt')}</Table.Th>
              <Table.Th>{t('history.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <DateText date={f.followUpDate} />
                </Table.Td>
                <Table.Td>
                  <DateTimeText timestamp={f.setAt} />
                </Table.Td>
                <Table.Td>{f.setByInitials}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
