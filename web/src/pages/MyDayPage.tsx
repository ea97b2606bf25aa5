import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSetActivityDone } from '../api/activity-mutations';
import { errorMessage, notifyError } from '../api/errors';
import { isoDate } from '../api/queries';
import { keys } from '../api/query-keys';
import { useCurrentUser } from '../api/session';
import type { Activity, Opportunity, Page } from '../api/types';
import { useActivityTypeLabel } from '../hooks/use-activity-type-label';
import { DateText, DecisionDate, Money } from '../components/Display';

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group gap="xs" mb="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {count !== undefined ? <Badge variant="light">{count}</Badge> : null}
      </Group>
      {children}
    </Paper>
  );
}

/** Marks an activity done from a list; the list reads again so it leaves. */
export function DoneCheckbox({ activity, invalidate }: { activity: Activity; invalidate: QueryKey }) {
  const { t } = useTranslation();
  const setDone = useSetActivityDone(invalidate);
  async function markDone(done: boolean) {
    try {
      await setDone.mutateAsync({ activity, done });
    } catch (error) {
      notifyError(error, t);
    }
  }
  return (
    <Checkbox
      aria-label={t('activity.markDone', { subject: activity.subject })}
      checked={activity.done}
      onChange={(event) => void markDone(event.currentTarget.checked)}
    />
  );
}

function OpportunityRows({ rows }: { rows: Opportunity[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('myDay.nothing')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {rows.map((o) => (
        <Group key={o.id} justify="space-between" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/opportunities/${o.id}`} size="sm" fw={500} lineClamp={1}>
              {o.title}
            </Anchor>
            <Text size="xs" c="dimmed" truncate>
              {o.companyName} · {o.stageName}
            </Text>
          </div>
          <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
            <Text size="sm">
              <Money amount={o.amount} currency={o.currency} />
            </Text>
            <Text size="xs">
              <DecisionDate date={o.decisionDate} color={o.decisionColor} />
            </Text>
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

/** U-5 "My day": follow-ups due or overdue, stagnant opportunities, decisions this week. */
export function MyDayPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const typeLabel = useActivityTypeLabel();
  const today = isoDate();
  const week = isoDate(7);

  const dueKey = keys.myDay.due(user.id, today);
  const due = useQuery({
    queryKey: dueKey,
    queryFn: () =>
      api.get<Page<Activity>>('/api/activities', { ownerId: user.id, done: false, 'dueDate.lte': today, sort: 'dueDate', limit: 100 }),
  });
  const stagnant = useQuery({
    queryKey: keys.myDay.stagnant(user.id),
    queryFn: () =>
      api.get<Page<Opportunity>>('/api/opportunities', {
        sellerId: user.id,
        status: 'open',
        stagnant: true,
        sort: 'decisionDate',
        limit: 20,
      }),
  });
  const decisions = useQuery({
    queryKey: keys.myDay.decisions(user.id, today),
    queryFn: () =>
      api.get<Page<Opportunity>>('/api/opportunities', {
        sellerId: user.id,
        status: 'open',
        'decisionDate.gte': today,
        'decisionDate.lte': week,
        sort: 'decisionDate',
        limit: 50,
      }),
  });

  const activities = due.data?.items ?? [];
  return (
    <Stack gap="md">
      <Title order={2}>{t('myDay.title')}</Title>
      <Section title={t('myDay.due')} count={due.data ? activities.length : undefined}>
        {due.error ? <Alert color="red">{errorMessage(due.error, t)}</Alert> : null}
        {due.data && activities.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('myDay.nothingDue')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-label={t('myDay.due')} verticalSpacing="xs">
              <Table.Tbody>
                {activities.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td w={40}>
                      <DoneCheckbox activity={a} invalidate={dueKey} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={a.dueDate && a.dueDate < today ? 'red.7' : undefined} fw={500}>
                        <DateText date={a.dueDate} />
                        {a.dueDate && a.dueDate < today ? ` · ${t('myDay.overdue')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{typeLabel(a.type)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/activities/${a.id}`} size="sm">
                        {a.subject}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {a.opportunityId ? (
                        <Anchor component={Link} to={`/opportunities/${a.opportunityId}`} size="sm" c="inherit">
                          {a.opportunityTitle}
                        </Anchor>
                      ) : a.companyId ? (
                        <Anchor component={Link} to={`/companies/${a.companyId}`} size="sm" c="inherit">
                          {a.companyName}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('myDay.decisions')} count={decisions.data?.items.length}>
          {decisions.error ? <Alert color="red">{errorMessage(decisions.error, t)}</Alert> : null}
          <OpportunityRows rows={decisions.data?.items ?? []} />
        </Section>
        <Section title={t('myDay.stagnant')} count={stagnant.data?.items.length}>
          {stagnant.error ? <Alert color="red">{errorMessage(stagnant.error, t)}</Alert> : null}
          <Text size="xs" c="dimmed" mb="xs">
            {t('opportunity.stagnantHint')}
          </Text>
          <OpportunityRows rows={stagnant.data?.items ?? []} />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
