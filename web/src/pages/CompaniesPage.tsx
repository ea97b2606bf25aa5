import { Anchor, Badge, Button, Select } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage, useListUrlState } from '../components/ListPage';
import type { Column } from '../components/DataTable';
import { DateTimeText } from '../components/Display';
import type { Company } from '../api/types';

export function CompaniesPage() {
  const { t } = useTranslation();
  const { params, set } = useListUrlState('name');
  const status = params.get('status');

  const columns: Column<Company>[] = [
    { key: 'accountNumber', label: t('company.accountNumber'), sort: 'accountNumber', render: (c) => c.accountNumber },
    {
      key: 'name',
      label: t('company.name'),
      sort: 'name',
      render: (c) => (
        <Anchor component={Link} to={`/companies/${c.id}`}>
          {c.name}
        </Anchor>
      ),
    },
    { key: 'city', label: t('company.city'), sort: 'city', render: (c) => c.city },
    { key: 'phone', label: t('company.phone'), render: (c) => c.phone, wide: true },
    {
      key: 'status',
      label: t('company.status'),
      sort: 'status',
      render: (c) => (
        <Badge variant="light" color={c.status === 'active' ? 'green' : 'gray'}>
          {t(`companyStatus.${c.status}`)}
        </Badge>
      ),
    },
    { key: 'updatedAt', label: t('common.updatedAt'), sort: 'updatedAt', render: (c) => (
        <>
          <DateTimeText timestamp={c.updatedAt} /> {c.updatedByInitials ? `/ ${c.updatedByInitials}` : ''}
        </>
      ),
      wide: true,
    },
  ];

  return (
    <ListPage<Company>
      resource="companies"
      title={t('nav.companies')}
      newLabel={t('company.new')}
      newHref="/companies/new"
      columns={columns}
      rowKey={(c) => c.id}
      defaultSort="name"
      views={
        <Button component={Link} to="/companies/quick-entry" variant="light" style={{ alignSelf: 'flex-start' }}>
          {t('quickEntry.title')}
        </Button>
      }
      filterParams={{ status: status ?? undefined }}
      filters={
        <Select
          label={t('company.status')}
          data={[
            { value: 'prospect', label: t('companyStatus.prospect') },
            { value: 'active', label: t('companyStatus.active') },
          ]}
          value={status}
          onChange={(value) => set('status', value)}
          clearable
          placeholder={t('common.all')}
          w={180}
        />
      }
    />
  );
}
