import { useRef, useState, type KeyboardEvent } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAddProspect } from '../api/company-mutations';
import { errorMessage } from '../api/errors';
import type { Company, CompanyDuplicate } from '../api/types';

type Row = { name: string; city: string; phone: string; email: string; contact: string };
type Saved = Row & {
  key: number;
  state: 'saving' | 'saved' | 'failed';
  company?: Company;
  warnings?: CompanyDuplicate[];
  error?: string;
};

const EMPTY: Row = { name: '', city: '', phone: '', email: '', contact: '' };
const FIELDS: (keyof Row)[] = ['name', 'city', 'phone', 'email', 'contact'];

/** "Anna Berg" → first name Anna, last name Berg; one word is the last name (it is the required one). */
function splitName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/);
  const lastName = words.pop() ?? '';
  return { firstName: words.join(' '), lastName };
}

/**
 * U-4 quick entry of many prospects (a trade fair): type a row, press Enter, type the next.
 * Each row saves in the background (POST /api/companies, then the contact), so typing never waits.
 */
export function ProspectEntryPage() {
  const { t } = useTranslation();
  const addProspect = useAddProspect();
  const [row, setRow] = useState<Row>(EMPTY);
  const [saved, setSaved] = useState<Saved[]>([]);
  const [nameError, setNameError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const update = (key: number, change: Partial<Saved>) => setSaved((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function save(entry: Row, key: number) {
    try {
      const body: Record<string, unknown> = { name: entry.name.trim() };
      if (entry.city.trim()) body.city = entry.city.trim();
      if (entry.phone.trim()) body.phone = entry.phone.trim();
      if (entry.email.trim()) body.email = entry.email.trim();
      const contact = entry.contact.trim()
        ? { ...splitName(entry.contact), isPrimary: true, email: entry.email.trim() || null, phone: entry.phone.trim() || null }
        : null;
      const company = await addProspect.mutateAsync({ company: body, contact });
      update(key, { state: 'saved', company, warnings: company.warnings });
    } catch (error) {
      update(key, { state: 'failed', error: errorMessage(error, t) });
    }
  }

  function submit() {
    if (!row.name.trim()) {
      setNameError(t('validation.required'));
      nameRef.current?.focus();
      return;
    }
    setNameError(null);
    const key = ++counter.current;
    const entry = row;
    setSaved((rows) => [{ ...entry, key, state: 'saving' }, ...rows]);
    setRow(EMPTY);
    nameRef.current?.focus();
    void save(entry, key);
  }

  function retry(r: Saved) {
    update(r.key, { state: 'saving', error: undefined });
    void save(r, r.key);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };

  const done = saved.filter((r) => r.state === 'saved').length;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/companies?status=prospect" size="sm">
        ← {t('quickEntry.prospects')}
      </Anchor>
      <Title order={2}>{t('quickEntry.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('quickEntry.intro')}
      </Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={t('quickEntry.title')}
        >
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            {FIELDS.map((field) => (
              <TextInput
                key={field}
                ref={field === 'name' ? nameRef : undefined}
                label={t(`quickEntry.field.${field}`)}
                required={field === 'name'}
                error={field === 'name' ? nameError : undefined}
                type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                value={row[field]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setRow((current) => ({ ...current, [field]: value }));
                }}
                onKeyDown={onKeyDown}
                autoFocus={field === 'name'}
                style={{ minWidth: 150 }}
              />
            ))}
          </Group>
          <Group justify="space-between" mt="sm">
            <Text size="xs" c="dimmed">
              {t('quickEntry.enterHint')}
            </Text>
            <Button type="submit">{t('quickEntry.add')}</Button>
          </Group>
        </form>
      </Paper>
      {saved.length > 0 ? (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={3} size="h4">
              {t('quickEntry.entered')}
            </Title>
            <Text size="sm" aria-live="polite">
              {t('quickEntry.savedCount', { count: done, total: saved.length })}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={600}>
            <Table aria-label={t('quickEntry.entered')} verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('company.accountNumber')}</Table.Th>
                  {FIELDS.map((field) => (
                    <Table.Th key={field}>{t(`quickEntry.field.${field}`)}</Table.Th>
                  ))}
                  <Table.Th>{t('company.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {saved.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{r.company?.accountNumber ?? ''}</Table.Td>
                    <Table.Td>
                      {r.company ? (
                        <Anchor component={Link} to={`/companies/${r.company.id}`}>
                          {r.name}
                        </Anchor>
                      ) : (
                        r.name
                      )}
                    </Table.Td>
                    <Table.Td>{r.city}</Table.Td>
                    <Table.Td>{r.phone}</Table.Td>
                    <Table.Td>{r.email}</Table.Td>
                    <Table.Td>{r.contact}</Table.Td>
                    <Table.Td>
                      {r.state === 'saving' ? <Badge color="gray">{t('quickEntry.saving')}</Badge> : null}
                      {r.state === 'saved' ? <Badge color="teal">{t('common.saved')}</Badge> : null}
                      {r.state === 'failed' ? (
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={r.error}>
                            <Badge color="red">{t('errors.title')}</Badge>
                          </Tooltip>
                          <Button size="compact-xs" variant="subtle" onClick={() => retry(r)}>
                            {t('common.retry')}
                          </Button>
                        </Group>
                      ) : null}
                      {r.warnings && r.warnings.length > 0 ? (
                        <Tooltip label={r.warnings.map((w) => w.name).join(', ')}>
                          <Badge
                            color="orange"
                            ml={4}
                            component={Link}
                            to={`/companies/${r.warnings[0]?.id}`}
                            style={{ cursor: 'pointer' }}
                          >
                            {t('quickEntry.possibleDuplicate')}
                          </Badge>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Stack>
  );
}
