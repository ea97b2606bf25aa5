import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSetupList, useUsers } from '../api/queries';
import type { SetupEntry, SetupListName } from '../api/types';

type SetupSelectProps = Omit<SelectProps<number>, 'data'> & { list: SetupListName };

// inactive entries stay selectable only when a record already uses them (C-5)
function options(entries: SetupEntry[] | undefined, keep: (id: number) => boolean) {
  return (entries ?? []).filter((entry) => entry.active || keep(entry.id)).map((entry) => ({ value: entry.id, label: entry.name }));
}

/** A select over one setup list (`GET /api/setup/{list}`), valued by entry id. */
export function SetupSelect({ list, value, ...rest }: SetupSelectProps) {
  const { t } = useTranslation();
  const entries = useSetupList(list);
  return (
    <Select<number>
      {...rest}
      value={value ?? null}
      data={options(entries.data, (id) => id === value)}
      clearable
      searchable
      nothingFoundMessage={t('common.noResults')}
      disabled={rest.disabled || entries.isPending}
      error={rest.error ?? (entries.error ? t('errors.listUnavailable') : undefined)}
    />
  );
}

type SetupMultiSelectProps = Omit<MultiSelectProps<number>, 'data'> & { list: SetupListName };

export function SetupMultiSelect({ list, value, ...rest }: SetupMultiSelectProps) {
  const entries = useSetupList(list);
  const chosen = value ?? [];
  return (
    <MultiSelect<number>
      {...rest}
      value={chosen}
      data={options(entries.data, (id) => chosen.includes(id))}
      searchable
      clearable
      disabled={rest.disabled || entries.isPending}
    />
  );
}

/** A select over the currencies setup list, valued by ISO code. */
export function CurrencySelect({ value, ...rest }: Omit<SelectProps, 'data'>) {
  const entries = useSetupList('currencies');
  const data = (entries.data ?? [])
    .filter((entry) => entry.code && (entry.active || entry.code === value))
    .map((entry) => entry.code as string);
  if (value && !data.includes(value)) data.unshift(value);
  return <Select {...rest} value={value ?? null} data={data} allowDeselect={false} />;
}

/** A select over the active users, valued by user id. */
/**
 * A select over the users. `only` limits the choice to those ids (and the current value): a seller may
 * make only themselves the owner of a new record, so the form offers no choice the server refuses.
 */
export function UserSelect({ value, only, ...rest }: Omit<SelectProps<number>, 'data'> & { only?: readonly number[] | undefined }) {
  const users = useUsers();
  const data = (users.data ?? [])
    .filter((user) => only === undefined || only.includes(user.id) || user.id === value)
    .map((user) => ({ value: user.id, label: `${user.name} (${user.initials})` }));
  return <Select<number> {...rest} value={value ?? null} data={data} searchable clearable disabled={rest.disabled || users.isPending} />;
}
