// The smaller tabs of the opportunity page: close history, follow-up dates, and the history's value names.
import { Alert, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { useCompetitors, useSalesProcesses, useSetupList, useUsers } from '../../api/queries';
import type { Closing, FollowUp, Opportunity } from '../../api/types';
import { DateText, DateTimeText, Money } from '../../components/Display';
import { useLanguage } from '../../i18n';
import { formatDate, formatMoney } from '../../i18n/format';

const OUTCOME_COLOR = { won: 'green', lost: 'red', expired: 'gray' } as const;

/** O-11: every close of the opportunity, kept when it is reopened. */
export function ClosingsTab({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const closings = useQuery({
    queryKey: ['opportunities', o.id, 'closings'],
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
                  <Table.Td>{k.winnerCompetitorId ? (competitors.data?.find((c) => c.id === k.winnerCompetitorId)?.name ?? '') : ''}</Table.Td>
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
    queryKey: ['opportunities', o.id, 'follow-ups'],
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

/** Reads the stored history values of an opportunity as a person would: stage and user names, dates, money. */
export function useOpportunityValueFormat(o: Opportunity) {
  const { t } = useTranslation();
  const language = useLanguage();
  const processes = useSalesProcesses();
  const users = useUsers();
  const stages = processes.data?.flatMap((p) => p.stages) ?? [];
  const formatField = (field: string): string | null => {
    const step = /^step:(\d+)$/.exec(field);
    if (!step) return null;
    const stage = stages.find((s) => s.id === Number(step[1]));
    return `${t('history.event.step')}: ${stage?.name ?? step[1]}`;
  };
  const formatValue = (field: string, value: string | null): string => {
    if (value === null || value === '') return '–';
    if (field.startsWith('step:')) return t(`steps.state.${value}`, { defaultValue: value });
    const id = Number(value);
    switch (field) {
      case 'stageId':
        return stages.find((s) => s.id === id)?.name ?? value;
      case 'ownerId':
        return users.data?.find((u) => u.id === id)?.name ?? value;
      case 'status':
        return t(`status.${value}`, { defaultValue: value });
      case 'priority':
        return t(`priority.${value}`, { defaultValue: value });
      case 'probability':
        return `${value} %`;
      case 'amount':
      case 'actualAmount':
      case 'margin':
      case 'annualMargin':
        return Number.isFinite(id) ? formatMoney(id, o.currency, language) : value;
      default:
        return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value;
    }
  };
  return { formatValue, formatField };
}
