import type { ReactNode } from 'react';
import { Box, Group, Menu, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError } from '../../api/errors';
import { useSetStepState } from '../../api/opportunity-mutations';
import { keys } from '../../api/query-keys';
import type { Opportunity, Step, StepState } from '../../api/types';
import { DecisionDate, Money, Percent } from '../../components/Display';

const STATE_COLOR: Record<StepState, string> = { done: 'teal', todo: 'gray', cancelled: 'red' };
const STATE_MARK: Record<StepState, string> = { done: '✓', todo: '○', cancelled: '✕' };
const STATES: StepState[] = ['todo', 'done', 'cancelled'];

function KeyNumber({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {children}
      </Text>
    </Paper>
  );
}

/** U-3 summary: key numbers and the sales process as a funnel of steps in their states (O-7). */
export function SummaryTab({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const setStep = useSetStepState(o);
  const steps = useQuery({
    queryKey: keys.opportunities.steps(o.id, o.version),
    queryFn: () => api.get<Step[]>(`/api/opportunities/${o.id}/steps`),
  });
  const open = o.status === 'open';
  const list = [...(steps.data ?? [])].sort((a, b) => a.position - b.position);
  const currentId = list.find((s) => s.state === 'todo')?.stageId;

  async function setState(step: Step, state: StepState) {
    try {
      await setStep.mutateAsync({ stageId: step.stageId, state });
    } catch (error) {
      notifyError(error, t);
    }
  }

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        <KeyNumber label={t('opportunity.amount')}>
          <Money amount={o.status === 'won' ? (o.actualAmount ?? o.amount) : o.amount} currency={o.currency} />
        </KeyNumber>
        <KeyNumber label={t('opportunity.probability')}>
          <Percent value={o.probability} />
        </KeyNumber>
        <KeyNumber label={t('opportunity.weightedAmount')}>
          <Money amount={o.weightedAmount} currency={o.currency} />
        </KeyNumber>
        <KeyNumber label={t('opportunity.marginPct')}>{o.marginPct === null ? '–' : <Percent value={o.marginPct} />}</KeyNumber>
        <KeyNumber label={t('opportunity.decisionDate')}>
          {o.decisionDate ? <DecisionDate date={o.decisionDate} color={o.decisionColor} /> : '–'}
        </KeyNumber>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          {t('steps.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {open ? t('steps.hint') : t('steps.closedHint')}
        </Text>
        <Stack gap={6} align="center" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('steps.title')}>
          {list.map((step, index) => {
            // a funnel: each step a little narrower than the one above
            const width = `${100 - (index * 45) / Math.max(list.length - 1, 1)}%`;
            const current = step.stageId === currentId && open;
            const label = `${step.name} (${step.probability} %): ${t(`steps.state.${step.state}`)}${current ? `, ${t('steps.current')}` : ''}`;
            const bar = (
              <Box
                p="xs"
                style={{
                  borderRadius: 6,
                  background: `var(--mantine-color-${STATE_COLOR[step.state]}-${step.state === 'todo' ? 'light' : 'filled'})`,
                  color: step.state === 'todo' ? undefined : 'white',
                  outline: current ? '3px solid var(--mantine-color-indigo-6)' : undefined,
                  textAlign: 'center',
                  textDecoration: step.state === 'cancelled' ? 'line-through' : undefined,
                }}
              >
                <Group justify="center" gap="xs" wrap="nowrap">
                  <span aria-hidden="true">{STATE_MARK[step.state]}</span>
                  <Text size="sm" fw={current ? 700 : 500} truncate>
                    {step.name}
                  </Text>
                  <Text size="xs">{step.probability} %</Text>
                </Group>
              </Box>
            );
            return (
              <li key={step.stageId} style={{ width }} data-step-state={step.state}>
                {open ? (
                  <Menu position="bottom" withinPortal>
                    <Menu.Target>
                      <UnstyledButton w="100%" aria-label={label}>
                        {bar}
                      </UnstyledButton>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Label>{step.name}</Menu.Label>
                      {STATES.map((state) => (
                        <Menu.Item key={state} disabled={state === step.state} onClick={() => void setState(step, state)}>
                          {t(`steps.mark.${state}`)}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                ) : (
                  <div aria-label={label}>{bar}</div>
                )}
              </li>
            );
          })}
        </Stack>
      </Paper>
      {o.description ? (
        <Paper withBorder p="md">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.description}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}
