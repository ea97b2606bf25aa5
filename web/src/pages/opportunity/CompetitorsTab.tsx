import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Autocomplete,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { errorMessage, notifyError } from '../../api/errors';
import { useChangeCompetitorEntries, type CompetitorEntryChange } from '../../api/opportunity-mutations';
import { keys } from '../../api/query-keys';
import { useCompetitors } from '../../api/queries';
import type { CompetitorEntry, Opportunity } from '../../api/types';

const THREATS = [1, 2, 3, 4, 5];

/** O-15: the opportunity's competitors, most dangerous first, from the global list or typed as a one-off. */
export function CompetitorsTab({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const changeEntries = useChangeCompetitorEntries(o.id);
  const global = useCompetitors();
  const entries = useQuery({
    queryKey: keys.opportunities.competitors(o.id),
    queryFn: () => api.get<{ items: CompetitorEntry[] }>(`/api/opportunities/${o.id}/competitors`),
  });
  const [name, setName] = useState('');
  const [threat, setThreat] = useState<number>(3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closed = o.status !== 'open';
  const threatData = THREATS.map((n) => ({ value: n, label: `${n} – ${t(`competitors.threatLevel.${n}`)}` }));

  async function run(change: CompetitorEntryChange) {
    setBusy(true);
    try {
      await changeEntries.mutateAsync(change);
      return true;
    } catch (failure) {
      notifyError(failure, t);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add() {
    const typed = name.trim();
    if (!typed) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    const known = global.data?.find((c) => c.name.toLowerCase() === typed.toLowerCase());
    const body = known ? { competitorId: known.id, threat } : { name: typed, threat };
    if (await run({ kind: 'add', body })) setName('');
  }

  const listed = new Set(entries.data?.items.map((e) => e.name.toLowerCase()));
  const suggestions = (global.data ?? []).filter((c) => c.active && !listed.has(c.name.toLowerCase())).map((c) => c.name);

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('competitors.title')}
        </Title>
        {entries.error ? <Alert color="red">{errorMessage(entries.error, t)}</Alert> : null}
        {entries.data && entries.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competitors.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table aria-label={t('competitors.title')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('competitors.name')}</Table.Th>
                  <Table.Th>{t('competitors.threat')}</Table.Th>
                  <Table.Th>{t('competitors.rating')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(entries.data?.items ?? []).map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      {entry.name}{' '}
                      {entry.competitorId === null ? (
                        <Badge size="xs" variant="light" color="gray">
                          {t('competitors.oneOff')}
                        </Badge>
                      ) : null}
                      {o.winnerCompetitorId !== null && entry.competitorId === o.winnerCompetitorId ? (
                        <Badge size="xs" color="red" ml={4}>
                          {t('competitors.winner')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Select<number>
                        aria-label={t('competitors.threatOf', { name: entry.name })}
                        data={threatData}
                        value={entry.threat}
                        allowDeselect={false}
                        disabled={closed || busy}
                        onChange={(value) =>
                          value !== null && void run({ kind: 'threat', entryId: entry.id, threat: value, version: entry.version })
                        }
                        w={190}
                      />
                    </Table.Td>
                    <Table.Td>{entry.rating ? '★'.repeat(entry.rating) : '–'}</Table.Td>
                    <Table.Td ta="right">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('competitors.remove', { name: entry.name })}
                        disabled={closed || busy}
                        onClick={() => void run({ kind: 'remove', entryId: entry.id })}
                      >
                        <span aria-hidden="true">✕</span>
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {closed ? null : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void add();
            }}
          >
            <Group align="flex-end" gap="sm">
              <Autocomplete
                label={t('competitors.add')}
                description={t('competitors.addHint')}
                data={suggestions}
                value={name}
                onChange={setName}
                error={error}
                w={{ base: '100%', sm: 280 }}
              />
              <Select<number>
                label={t('competitors.threat')}
                data={threatData}
                value={threat}
                onChange={(v) => setThreat(v ?? 3)}
                allowDeselect={false}
                w={190}
              />
              <Button type="submit" loading={busy}>
                {t('competitors.addButton')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
