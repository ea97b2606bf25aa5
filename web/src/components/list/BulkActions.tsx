import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../api/errors';
import { useBulkOpportunities } from '../../api/opportunity-mutations';
import type { BulkAnswer, Opportunity } from '../../api/types';
import { SetupSelect } from '../SetupSelect';

type Action = 'won' | 'lost' | 'open' | 'delete';
const ACTIONS: Action[] = ['won', 'lost', 'open', 'delete'];

type Props = {
  selected: number[];
  /** the loaded rows, to name the ones that failed */
  rows: Opportunity[];
  onClear: () => void;
};

/** O-12: set won, lost (with a reason), open, or delete the selected opportunities; then which failed and why. */
export function BulkActions({ selected, rows, onClear }: Props) {
  const { t } = useTranslation();
  const bulk = useBulkOpportunities();
  const [action, setAction] = useState<Action | null>(null);
  const [reasonId, setReasonId] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<{ body: BulkAnswer; names: Map<number, Opportunity> } | null>(null);
  if (selected.length === 0 && !answer) return null;

  async function run(chosen: Action) {
    setRunning(true);
    try {
      const body: Record<string, unknown> = { ids: selected, action: chosen };
      if (chosen === 'lost' && reasonId) body.lossReasonId = reasonId;
      if (chosen === 'won' && reasonId) body.winReasonId = reasonId;
      // name the failed ones from the rows as they were, before the list reloads without them
      const names = new Map(rows.filter((row) => selected.includes(row.id)).map((row) => [row.id, row]));
      const result = await bulk.mutateAsync(body);
      setAnswer({ body: result, names });
      setAction(null);
      onClear();
    } catch (error) {
      notifyError(error, t);
    } finally {
      setRunning(false);
    }
  }
  const failures = answer?.body.results.filter((r) => !r.ok) ?? [];

  return (
    <>
      {selected.length > 0 ? (
        <Paper withBorder p="xs" component="section" aria-label={t('bulk.title')} bg="var(--mantine-color-default-hover)">
          <Group gap="xs" justify="space-between">
            <Text size="sm" fw={600} aria-live="polite">
              {t('bulk.selected', { count: selected.length })}
            </Text>
            <Group gap={6}>
              {ACTIONS.map((a) => (
                <Button
                  key={a}
                  size="compact-sm"
                  variant={a === 'delete' ? 'light' : 'default'}
                  color={a === 'delete' ? 'red' : undefined}
                  onClick={() => {
                    setReasonId(null);
                    setAction(a);
                  }}
                >
                  {t(`bulk.action.${a}`)}
                </Button>
              ))}
              <Button size="compact-sm" variant="subtle" onClick={onClear}>
                {t('bulk.clear')}
              </Button>
            </Group>
          </Group>
        </Paper>
      ) : null}
      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? t(`bulk.confirmTitle.${action}`) : ''} centered>
        {action ? (
          <Stack>
            <Text>{t(`bulk.confirm.${action}`, { count: selected.length })}</Text>
            {action === 'lost' ? (
              <SetupSelect
                list="loss-reasons"
                label={t('closing.lossReason')}
                value={reasonId}
                onChange={setReasonId}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
            {action === 'won' ? (
              <SetupSelect
                list="win-reasons"
                label={t('closing.winReason')}
                value={reasonId}
                onChange={setReasonId}
                comboboxProps={{ withinPortal: true }}
              />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAction(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color={action === 'delete' || action === 'lost' ? 'red' : action === 'won' ? 'green' : undefined}
                loading={running}
                onClick={() => void run(action)}
              >
                {t(`bulk.action.${action}`)}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal opened={answer !== null} onClose={() => setAnswer(null)} title={t('bulk.resultTitle')} centered size="lg">
        {answer ? (
          <Stack>
            <Alert color={answer.body.failed ? 'orange' : 'teal'}>
              {t('bulk.result', { succeeded: answer.body.succeeded, failed: answer.body.failed })}
            </Alert>
            {failures.length > 0 ? (
              <Table.ScrollContainer minWidth={420}>
                <Table aria-label={t('bulk.failures')} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('opportunity.number')}</Table.Th>
                      <Table.Th>{t('opportunity.title')}</Table.Th>
                      <Table.Th>{t('bulk.why')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {failures.map((failure) => (
                      <Table.Tr key={failure.id}>
                        <Table.Td>{answer.names.get(failure.id)?.number ?? `#${failure.id}`}</Table.Td>
                        <Table.Td>{answer.names.get(failure.id)?.title ?? ''}</Table.Td>
                        <Table.Td>{failure.error?.message ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            <Group justify="flex-end">
              <Button onClick={() => setAnswer(null)}>{t('bulk.ok')}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
