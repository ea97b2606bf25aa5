import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/query-keys';
import { useRecord } from '../api/queries';
import type { Contact, Opportunity, Page } from '../api/types';

type Resource = 'contacts' | 'opportunities';
type Props = Omit<SelectProps<number>, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> & { resource: Resource };

/** The text a contact or opportunity is known by in a picker or a filter chip. */
export function recordLabel(resource: Resource, record: Contact | Opportunity): string {
  if (resource === 'contacts') {
    const contact = record as Contact;
    const name = `${contact.firstName} ${contact.lastName}`.trim();
    return contact.companyName ? `${name} (${contact.companyName})` : name;
  }
  const opportunity = record as Opportunity;
  return `${opportunity.number} · ${opportunity.title}`;
}

/** Picks a contact or an opportunity by typing: searches `GET /api/<resource>?q=` on the server. */
export function RecordPicker({ resource, value, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useRecord(resource, value ?? null);
  const selectedLabel = selected.data ? recordLabel(resource, selected.data) : '';
  const q = debounced === selectedLabel ? '' : debounced;
  const results = useQuery({
    queryKey: keys.resource(resource).picker(q),
    queryFn: () => api.get<Page<Contact | Opportunity>>(`/api/${resource}`, { q: q || undefined, limit: 20 }),
    placeholderData: (previous) => previous,
  });
  const records = new Map<number, string>();
  if (selected.data) records.set(selected.data.id, selectedLabel);
  for (const record of results.data?.items ?? []) records.set(record.id, recordLabel(resource, record));
  return (
    <Select<number>
      {...rest}
      value={value ?? null}
      data={[...records].map(([id, label]) => ({ value: id, label }))}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
    />
  );
}
