import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../components/ListPage';
import { ImportButton } from '../components/ImportButton';
import type { Column } from '../components/DataTable';
import { DateTimeText } from '../components/Display';
import type { Contact } from '../api/types';

export function ContactsPage() {
  const { t } = useTranslation();
  const columns: Column<Contact>[] = [
    {
      key: 'lastName',
      label: t('contact.name'),
      sort: 'lastName',
      exportKeys: ['firstName', 'lastName'],
      render: (c) => (
        <Anchor component={Link} to={`/contacts/${c.id}`}>
          {[c.lastName, c.firstName].filter(Boolean).join(', ')}
        </Anchor>
      ),
    },
    {
      key: 'companyName',
      label: t('contact.company'),
      sort: 'company',
      render: (c) => (
        <Anchor component={Link} to={`/companies/${c.companyId}`}>
          {c.companyName}
        </Anchor>
      ),
    },
    { key: 'title', label: t('contact.title'), render: (c) => c.title, wide: true },
    { key: 'email', label: t('contact.email'), sort: 'email', render: (c) => c.email },
    { key: 'phone', label: t('contact.phone'), render: (c) => c.phone ?? c.mobile, exportKeys: ['phone', 'mobile'], wide: true },
    { key: 'mobile', label: t('contact.mobile'), render: (c) => c.mobile, defaultHidden: true },
    {
      key: 'updatedAt',
      label: t('common.updatedAt'),
      sort: 'updatedAt',
      render: (c) => <DateTimeText timestamp={c.updatedAt} />,
      wide: true,
    },
  ];
  return (
    <ListPage<Contact>
      resource="contacts"
      title={t('nav.contacts')}
      newLabel={t('contact.new')}
      newHref="/contacts/new"
      columns={columns}
      rowKey={(c) => c.id}
      defaultSort="lastName"
      searchHint={t('search.inContacts')}
      letterLabel={t('filters.letter.contacts')}
      vcard
      actions={<ImportButton type="contacts" />}
    />
  );
}
