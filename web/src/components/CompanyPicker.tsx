import { useState } from 'react';
import { Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useCompany } from '../api/queries';
import { keys } from '../api/query-keys';
import type { Company, Page } from '../api/types';

type Props = Omit<SelectProps<number>, 'data' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'>;

/** Picks a company by typing: searches `GET /api/companies?q=` on the server, valued by company id. */
export function CompanyPicker({ value, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useCompany(value ?? null);
  const selectedLabel = selected.data?.name ?? '';
  // while the box shows the chosen company's name, offer the first companies instead of only that one
  const q = debounced === selectedLabel ? '' : debounced;

  const results = useQuery({
    queryKey: keys.companies.picker(q),
    queryFn: () => api.get<Page<Company>>('/api/companies', { q: q || undefined, limit: 20, sort: 'name' }),
    placeholderData: (previous) => previous,
  });

  const companies = new Map<number, Company>();
  if (selected.data) companies.set(selected.data.id, selected.data);
  for (const company of results.data?.items ?? []) companies.set(company.id, company);
  const data = [...companies.values()].map((company) => ({ value: company.id, label: company.name }));

  return (
    <Select<number>
      {...rest}
      value={value ?? null}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // the server already matched the text (name, search name, account number…)
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noResults')}
      renderOption={({ option }) => {
        const company = companies.get(option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {company ? (
              <Text size="xs" c="dimmed">
                {[company.accountNumber, company.city].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
          </div>
        );
      }}
    />
  );
}
