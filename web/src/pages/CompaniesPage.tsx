import { Anchor, Badge, Button } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../components/ListPage';
import { ImportButton } from '../components/ImportButton';
import type { Column } from '../components/DataTable';
import { DateTimeText } from '../components/Display';
import type { Company } from '../api/types';

export function CompaniesPage() {
  const { t } = useTranslation();

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
    { key: 'country', label: t('company.country'), sort: 'country', render: (c) => c.country, defaultHidden: true },
    { key: 'phone', label: t('company.phone'), render: (c) => c.phone, wide: true },
    { key: 'email', label: t('company.email'), render: (c) => c.email, defaultHidden: true },
    { key: 'orgNumberFormatted', label: t('company.orgNumber'), render: (c) => c.orgNumberFormatted, defaultHidden: true },
    { key: 'customerNumber', label: t('company.customerNumber'), render: (c) => c.customerNumber, defaultHidden: true },
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
    {
      key: 'updatedAt',
      label: t('common.updatedAt'),
      sort: 'updatedAt',
      exportKeys: ['updatedAt', 'updatedByInitials'],
      render: (c) => (
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
      searchHint={t('search.inCompanies')}
      letterLabel={t('filters.letter.companies')}
      actions={<ImportButton type="companies" />}
      extra={
        <Button component={Link} to="/companies/quick-entry" variant="light" style={{ alignSelf: 'flex-start' }}>
          {t('quickEntry.title')}
        </Button>
      }
    />
  );
}
