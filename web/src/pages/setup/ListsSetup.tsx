import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../api/errors';
import { keys } from '../../api/query-keys';
import { useAddSetupEntry, useUpdateSetupEntry } from '../../api/setup-mutations';
import type { Page, SetupEntry, SetupListName } from '../../api/types';
import { RecordState } from '../../components/FormParts';
import { CurrencySelect } from '../../components/SetupSelect';

export const SETUP_LISTS: SetupListName[] = [
  'industries',
  'target-groups',
  'interest-types',
  'activity-types',
  'opportunity-types',
  'sources',
  'loss-reasons',
  'win-reasons',
  'regions',
  'departments',
  'customer-profiles',
  'currencies',
];

/** One entry: rename in place (saved on leaving the field or Enter), deactivate without breaking old records (C-5). */
function EntryRow({ list, entry }: { list: SetupListName; entry: SetupEntry }) {
  const { t } = useTranslation();
  const updateEntry = useUpdateSetupEntry(list);
  const [name, setName] = useState(entry.name);
  // a name saved elsewhere replaces what the field shows
  const [shownName, setShownName] = useState(entry.name);
  if (shownName !== entry.name) {
    setShownName(entry.name);
    setName(entry.name);
  }

  async function patch(change: Partial<SetupEntry>) {
    try {
      // O-25: based on the version shown; the answer's version is the one the next change is based on
      await updateEntry.mutateAsync({ entry, change });
      notifySaved(t);
    } catch (error) {
      notifyError(error, t);
      setName(entry.name);
    }
  }
  const rename = () => {
    if (name.trim() && name.trim() !== entry.name) void patch({ name: name.trim() });
    else setName(entry.name);
  };
  const profile = list === 'customer-profiles';
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={t('lists.nameOf', { name: entry.name })}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={rename}
          onKeyDown={(e) => e.key === 'Enter' && rename()}
        />
      </Table.Td>
      {profile ? <ProfileCells entry={entry} patch={patch} /> : <Table.Td>{entry.key ?? entry.code ?? ''}</Table.Td>}
      <Table.Td>
        <Switch
          aria-label={t('lists.activeOf', { name: entry.name })}
          checked={entry.active}
          onChange={(e) => void patch({ active: e.currentTarget.checked })}
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** C-3: a customer profile's payment terms, currency and price list, each saved when left. */
function ProfileCells({ entry, patch }: { entry: SetupEntry; patch: (change: Partial<SetupEntry>) => Promise<void> }) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | string>(entry.paymentTermsDays ?? '');
  const [priceList, setPriceList] = useState(entry.priceList ?? '');
  // values saved elsewhere replace what the fields show
  const [shownDays, setShownDays] = useState(entry.paymentTermsDays);
  if (shownDays !== entry.paymentTermsDays) {
    setShownDays(entry.paymentTermsDays);
    setDays(entry.paymentTermsDays ?? '');
  }
  const [shownPriceList, setShownPriceList] = useState(entry.priceList);
  if (shownPriceList !== entry.priceList) {
    setShownPriceList(entry.priceList);
    setPriceList(entry.priceList ?? '');
  }
  const saveDays = () => {
    const next = days === '' ? null : Number(days);
    if (next !== (entry.paymentTermsDays ?? null)) void patch({ paymentTermsDays: next });
  };
  const savePriceList = () => {
    const next = priceList.trim() || null;
    if (next !== (entry.priceList ?? null)) void patch({ priceList: next });
  };
  return (
    <>
      <Table.Td>
        <NumberInput
          aria-label={t('lists.paymentTermsOf', { name: entry.name })}
          value={days}
          onChange={setDays}
          onBlur={saveDays}
          onKeyDown={(e) => e.key === 'Enter' && saveDays()}
          min={0}
          max={365}
          allowDecimal={false}
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <CurrencySelect
          aria-label={t('lists.currencyOf', { name: entry.name })}
          value={entry.currency ?? null}
          onChange={(code) => code && code !== entry.currency && void patch({ currency: code })}
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('lists.priceListOf', { name: entry.name })}
          value={priceList}
          onChange={(e) => setPriceList(e.currentTarget.value)}
          onBlur={savePriceList}
          onKeyDown={(e) => e.key === 'Enter' && savePriceList()}
          w={180}
        />
      </Table.Td>
    </>
  );
}

/** U-7 / C-5: the twelve setup lists. */
export function ListsSetup() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('list') as SetupListName | null;
  const list: SetupListName = asked && SETUP_LISTS.includes(asked) ? asked : 'industries';
  const entries = useQuery({ queryKey: keys.setupLists.admin(list), queryFn: () => api.get<Page<SetupEntry>>(`/api/setup/${list}`) });
  const [name, setName] = useState('');
  const addEntry = useAddSetupEntry(list);

  async function add() {
    if (!name.trim()) return;
    try {
      await addEntry.mutateAsync(name.trim());
      setName('');
      notifySaved(t, t('common.created'));
    } catch (error) {
      notifyError(error, t);
    }
  }

  return (
    <Stack gap="md">
      <Select
        label={t('lists.list')}
        data={SETUP_LISTS.map((value) => ({ value, label: t(`lists.names.${value}`) }))}
        value={list}
        onChange={(value) => value && setParams({ list: value }, { replace: true })}
        allowDeselect={false}
        w={280}
      />
      <Paper withBorder p="md">
        {entries.data ? (
          <Table.ScrollContainer minWidth={list === 'customer-profiles' ? 720 : 420}>
            <Table aria-label={t(`lists.names.${list}`)} verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('lists.name')}</Table.Th>
                  {list === 'customer-profiles' ? (
                    <>
                      <Table.Th>{t('lists.paymentTermsDays')}</Table.Th>
                      <Table.Th>{t('lists.currency')}</Table.Th>
                      <Table.Th>{t('lists.priceList')}</Table.Th>
                    </>
                  ) : (
                    <Table.Th>{t('lists.code')}</Table.Th>
                  )}
                  <Table.Th>{t('common.active')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.items.map((entry) => (
                  <EntryRow key={entry.id} list={list} entry={entry} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <RecordState loading={entries.isPending} error={entries.error} />
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <Group align="flex-end" mt="md" gap="sm">
            <TextInput label={t('lists.newEntry')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={280} />
            <Button type="submit" loading={addEntry.isPending} disabled={!name.trim()}>
              {t('lists.add')}
            </Button>
          </Group>
          {list === 'currencies' ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t('lists.currencyHint')}
            </Text>
          ) : null}
        </form>
      </Paper>
    </Stack>
  );
}
