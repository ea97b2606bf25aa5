import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySaved } from '../../api/errors';
import { useSalesProcesses } from '../../api/queries';
import { useChangeSalesProcess, type ProcessChange } from '../../api/setup-mutations';
import type { SalesProcess } from '../../api/types';
import { RecordState } from '../../components/FormParts';

type StageRow = { key: string; id?: number; name: string; probability: number | string };

const rowsOf = (process: SalesProcess | null): StageRow[] =>
  process
    ? [...process.stages]
        .sort((a, b) => a.position - b.position)
        .map((s) => ({ key: `s${s.id}`, id: s.id, name: s.name, probability: s.probability }))
    : [];

let newKey = 0;

/** The stages of a process: rename, re-weigh, move up/down, add, remove (O-4). */
function StageEditor({ rows, onChange }: { rows: StageRow[]; onChange: (rows: StageRow[]) => void }) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<StageRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    onChange(next);
  };
  return (
    <>
      <Table.ScrollContainer minWidth={460}>
        <Table verticalSpacing={4} aria-label={t('processes.stages')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('processes.stageName')}</Table.Th>
              <Table.Th>{t('opportunity.probability')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.key}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('processes.stageNameOf', { n: index + 1 })}
                    value={row.name}
                    onChange={(e) => set(index, { name: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('processes.probabilityOf', { n: index + 1 })}
                    value={row.probability}
                    onChange={(value) => set(index, { probability: value })}
                    min={0}
                    max={100}
                    allowDecimal={false}
                    suffix=" %"
                    w={100}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('processes.moveUp', { name: row.name })}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('processes.moveDown', { name: row.name })}
                      disabled={index === rows.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('processes.removeStage', { name: row.name })}
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Button
        variant="subtle"
        size="xs"
        onClick={() => onChange([...rows, { key: `n${++newKey}`, name: '', probability: 50 }])}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('processes.addStage')}
      </Button>
    </>
  );
}

const toStages = (rows: StageRow[]) =>
  rows.map((row) => ({ ...(row.id ? { id: row.id } : {}), name: row.name.trim(), probability: Number(row.probability) || 0 }));

function ProcessCard({ process, onCreated }: { process: SalesProcess | null; onCreated?: () => void }) {
  const { t } = useTranslation();
  const changeProcess = useChangeSalesProcess();
  const [name, setName] = useState(process?.name ?? '');
  const [rows, setRows] = useState<StageRow[]>(() => rowsOf(process));
  const [busy, setBusy] = useState(false);
  const version = process ? JSON.stringify(process) : '';
  // the process saved (here or elsewhere) replaces what the card shows
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    setShownVersion(version);
    setName(process?.name ?? '');
    setRows(rowsOf(process));
  }

  async function run(change: ProcessChange, message?: string) {
    setBusy(true);
    try {
      await changeProcess.mutateAsync(change);
      notifySaved(t, message);
      return true;
    } catch (error) {
      notifyError(error, t);
      return false;
    } finally {
      setBusy(false);
    }
  }
  async function create() {
    if (await run({ kind: 'create', name: name.trim(), stages: toStages(rows) }, t('common.created'))) onCreated?.();
  }

  if (!process) {
    return (
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('processes.new')}
          </Title>
          <TextInput label={t('processes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <StageEditor rows={rows} onChange={setRows} />
          <Group>
            <Button loading={busy} disabled={!name.trim()} onClick={() => void create()}>
              {t('common.create')}
            </Button>
            <Button variant="default" onClick={onCreated}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-label={process.name}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={3} size="h4">
              {process.name}
            </Title>
            {process.isDefault ? <Badge>{t('processes.default')}</Badge> : null}
            {process.active ? null : <Badge color="gray">{t('common.inactive')}</Badge>}
          </Group>
          <Group gap="xs">
            {process.isDefault ? null : (
              <Button
                size="xs"
                variant="light"
                loading={busy}
                onClick={() => void run({ kind: 'update', process, change: { isDefault: true } })}
              >
                {t('processes.makeDefault')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color={process.active ? 'red' : undefined}
              disabled={process.isDefault && process.active}
              onClick={() => void run({ kind: 'update', process, change: { active: !process.active } })}
            >
              {process.active ? t('common.deactivate') : t('common.activate')}
            </Button>
          </Group>
        </Group>
        <Group align="flex-end" gap="sm">
          <TextInput label={t('processes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
          <Button
            variant="default"
            disabled={!name.trim() || name.trim() === process.name}
            onClick={() => void run({ kind: 'update', process, change: { name: name.trim() } })}
          >
            {t('processes.rename')}
          </Button>
        </Group>
        <StageEditor rows={rows} onChange={setRows} />
        <Text size="xs" c="dimmed">
          {t('processes.stagesHint')}
        </Text>
        <Group>
          <Button loading={busy} onClick={() => void run({ kind: 'stages', process, stages: toStages(rows) })}>
            {t('processes.saveStages')}
          </Button>
          <Button variant="default" onClick={() => setRows(rowsOf(process))}>
            {t('common.undo')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function ProcessesSetup() {
  const { t } = useTranslation();
  const processes = useSalesProcesses();
  const [creating, setCreating] = useState(false);
  if (!processes.data) return <RecordState loading={processes.isPending} error={processes.error} />;
  return (
    <Stack gap="md">
      {creating ? (
        <ProcessCard process={null} onCreated={() => setCreating(false)} />
      ) : (
        <Button style={{ alignSelf: 'flex-start' }} onClick={() => setCreating(true)}>
          {t('processes.new')}
        </Button>
      )}
      {processes.data.map((process) => (
        <ProcessCard key={process.id} process={process} />
      ))}
    </Stack>
  );
}
