import { Anchor, Checkbox, Grid, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRecordEditor } from '../api/record-editor';
import type { Contact } from '../api/types';
import { CompanyPicker } from '../components/CompanyPicker';
import { FormActions, RecordState, parseId, textOrNull } from '../components/FormParts';
import { NotFoundPage } from './NotFoundPage';
import { HistoryTable } from '../components/HistoryTable';

type Values = {
  companyId: number | null;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  isPrimary: boolean;
  isDefaultReference: boolean;
  notes: string;
};

function toValues(c: Contact): Values {
  return {
    companyId: c.companyId,
    firstName: c.firstName,
    lastName: c.lastName,
    title: c.title ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    mobile: c.mobile ?? '',
    isPrimary: c.isPrimary,
    isDefaultReference: c.isDefaultReference,
    notes: c.notes ?? '',
  };
}

function toBody(v: Values) {
  return {
    companyId: v.companyId,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    title: textOrNull(v.title),
    email: textOrNull(v.email),
    phone: textOrNull(v.phone),
    mobile: textOrNull(v.mobile),
    isPrimary: v.isPrimary,
    isDefaultReference: v.isDefaultReference,
    notes: textOrNull(v.notes),
  };
}

export function ContactPage() {
  const { id: param } = useParams();
  const id = parseId(param);
  if (param && id === null) return <NotFoundPage />;
  return <ContactEditor key={id ?? 'new'} id={id} />;
}

function ContactEditor({ id }: { id: number | null }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const presetCompany = parseId(search.get('companyId') ?? undefined);
  const editor = useRecordEditor<Contact, Values>({
    resource: 'contacts',
    id,
    empty: {
      companyId: presetCompany,
      firstName: '',
      lastName: '',
      title: '',
      email: '',
      phone: '',
      mobile: '',
      isPrimary: false,
      isDefaultReference: false,
      notes: '',
    },
    toValues,
    toBody,
    validate: {
      companyId: (value) => (value ? null : t('validation.required')),
      lastName: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const { form, record } = editor;

  if (id !== null && !record) return <RecordState loading={editor.query.isPending} error={editor.query.error} />;

  return (
    <Stack gap="md">
      <Group>
        <Anchor component={Link} to="/contacts" size="sm">
          ← {t('nav.contacts')}
        </Anchor>
        {record ? (
          <Anchor component={Link} to={`/companies/${record.companyId}`} size="sm">
            {record.companyName}
          </Anchor>
        ) : null}
      </Group>
      <Title order={2}>{record ? [record.firstName, record.lastName].filter(Boolean).join(' ') : t('contact.new')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit((values) => void editor.save(values))} noValidate>
          <Grid>
            <Grid.Col span={12}>
              <CompanyPicker label={t('contact.company')} required {...form.getInputProps('companyId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('contact.firstName')} autoComplete="off" {...form.getInputProps('firstName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('contact.lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('contact.title')} {...form.getInputProps('title')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('contact.email')} type="email" {...form.getInputProps('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('contact.phone')} type="tel" {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('contact.mobile')} type="tel" {...form.getInputProps('mobile')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Checkbox label={t('contact.isPrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Checkbox label={t('contact.isDefaultReference')} {...form.getInputProps('isDefaultReference', { type: 'checkbox' })} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('contact.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
            </Grid.Col>
          </Grid>
          <FormActions saving={editor.saving} isNew={!record} onDelete={editor.remove} />
        </form>
      </Paper>
      {record ? <HistoryTable resource="contacts" id={record.id} labels="contact" /> : null}
    </Stack>
  );
}
