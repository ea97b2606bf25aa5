import { useEffect, useEffectEvent } from 'react';
import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { keys } from '../api/query-keys';
import { useRecordEditor } from '../api/record-editor';
import type { Company, CompanyDuplicate } from '../api/types';
import { CountrySelect } from '../components/CountrySelect';
import { DateTimeText } from '../components/Display';
import { FormActions, RecordState, parseId, textOrNull } from '../components/FormParts';
import { SetupMultiSelect, SetupSelect, UserSelect } from '../components/SetupSelect';
import { useCurrentUser } from '../api/session';
import { CompanyContacts, CompanyOpportunities } from '../components/CompanyRelated';
import { RelatedActivities } from '../components/RelatedActivities';
import { Attachments } from '../components/Attachments';
import { ConvertButtons, DuplicateList, DuplicateWarning } from '../components/CompanyConversion';
import { HistoryTable } from '../components/HistoryTable';
import { NotFoundPage } from './NotFoundPage';

type Values = {
  accountNumber: string;
  name: string;
  searchName: string;
  orgNumber: string;
  street: string;
  postalCode: string;
  city: string;
  country: string | null;
  phone: string;
  email: string;
  website: string;
  ownerId: number | null;
  industryId: number | null;
  targetGroupId: number | null;
  interestTypeIds: number[];
  sourceId: number | null;
  customerProfileId: number | null;
  notes: string;
};

const EMPTY: Values = {
  accountNumber: '',
  name: '',
  searchName: '',
  orgNumber: '',
  street: '',
  postalCode: '',
  city: '',
  country: null,
  phone: '',
  email: '',
  website: '',
  ownerId: null,
  industryId: null,
  targetGroupId: null,
  interestTypeIds: [],
  sourceId: null,
  customerProfileId: null,
  notes: '',
};

function toValues(c: Company): Values {
  return {
    accountNumber: c.accountNumber,
    name: c.name,
    searchName: c.searchName ?? '',
    orgNumber: c.orgNumber ?? '',
    street: c.street ?? '',
    postalCode: c.postalCode ?? '',
    city: c.city ?? '',
    country: c.country,
    phone: c.phone ?? '',
    email: c.email ?? '',
    website: c.website ?? '',
    ownerId: c.ownerId,
    industryId: c.industryId,
    targetGroupId: c.targetGroupId,
    interestTypeIds: c.interestTypeIds,
    sourceId: c.sourceId,
    customerProfileId: c.customerProfileId,
    notes: c.notes ?? '',
  };
}

function toBody(v: Values) {
  const body: Record<string, unknown> = {
    name: v.name.trim(),
    searchName: textOrNull(v.searchName),
    orgNumber: textOrNull(v.orgNumber),
    street: textOrNull(v.street),
    postalCode: textOrNull(v.postalCode),
    city: textOrNull(v.city),
    country: v.country,
    phone: textOrNull(v.phone),
    email: textOrNull(v.email),
    website: textOrNull(v.website),
    ownerId: v.ownerId,
    industryId: v.industryId,
    targetGroupId: v.targetGroupId,
    interestTypeIds: v.interestTypeIds,
    sourceId: v.sourceId,
    customerProfileId: v.customerProfileId,
    notes: textOrNull(v.notes),
  };
  // left empty, the API picks the next free account number (C-1)
  const accountNumber = textOrNull(v.accountNumber);
  if (accountNumber !== null) body.accountNumber = accountNumber;
  return body;
}

const COMPANY_TABS = ['contacts', 'opportunities', 'activities', 'documents', 'history'] as const;

export function CompanyPage() {
  const { id: param } = useParams();
  const id = parseId(param);
  if (param && id === null) return <NotFoundPage />;
  return <CompanyEditor key={id ?? 'new'} id={id} />;
}

function CompanyEditor({ id }: { id: number | null }) {
  const { t } = useTranslation();
  // a seller makes only themselves (or nobody) the owner of a company
  const user = useCurrentUser();
  const editor = useRecordEditor<Company, Values>({
    resource: 'companies',
    id,
    empty: EMPTY,
    toValues,
    toBody,
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
    afterCreate: (created) => {
      // C-6: the answer names companies the new one may duplicate; creation still went through
      const warnings = (created as Company & { warnings?: CompanyDuplicate[] }).warnings ?? [];
      if (warnings.length > 0) {
        notifications.show({
          color: 'orange',
          autoClose: 12000,
          title: t('duplicates.title'),
          message: <DuplicateList items={warnings} />,
        });
      }
      return `/companies/${created.id}`;
    },
  });
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'contacts';
  const { form, record } = editor;

  // C-1: suggest the next free account number on a new company
  const next = useQuery({
    queryKey: keys.companies.nextAccountNumber,
    queryFn: () => api.get<{ accountNumber: string | number }>('/api/companies/next-account-number'),
    enabled: id === null,
    staleTime: 0,
  });
  const suggested = next.data ? String(next.data.accountNumber) : null;
  // an Effect Event: it reads the latest form, but only a new suggestion runs it
  const takeSuggestion = useEffectEvent((accountNumber: string | null) => {
    if (accountNumber && !form.isDirty('accountNumber')) {
      form.setFieldValue('accountNumber', accountNumber);
      form.resetDirty({ ...form.getValues(), accountNumber });
    }
  });
  useEffect(() => {
    takeSuggestion(suggested);
  }, [suggested]);

  if (id !== null && !record) return <RecordState loading={editor.query.isPending} error={editor.query.error} />;
  const values = form.getValues();

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Anchor component={Link} to="/companies" size="sm">
            ← {t('nav.companies')}
          </Anchor>
        </Group>
        {id === null ? (
          <Button variant="subtle" size="xs" component={Link} to="/companies/quick-entry">
            {t('quickEntry.title')}
          </Button>
        ) : null}
      </Group>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          <Title order={2}>{record ? record.name : t('company.new')}</Title>
          {record ? (
            <Badge variant="light" color={record.status === 'active' ? 'green' : 'gray'}>
              {t(`companyStatus.${record.status}`)}
            </Badge>
          ) : null}
          {record?.customerNumber ? (
            <Badge variant="outline" color="green">
              {t('company.customer')}
            </Badge>
          ) : null}
          {record?.supplierNumber ? <Badge variant="outline">{t('company.supplier')}</Badge> : null}
        </Group>
        {record ? <ConvertButtons company={record} /> : null}
      </Group>
      {record ? (
        <Text size="sm" c="dimmed">
          {record.customerNumber ? `${t('company.customerNumber')}: ${record.customerNumber} · ` : ''}
          {record.supplierNumber ? `${t('company.supplierNumber')}: ${record.supplierNumber} · ` : ''}
          {t('common.updatedAt')}: <DateTimeText timestamp={record.updatedAt} />
        </Text>
      ) : null}
      {id === null ? (
        <DuplicateWarning probe={{ name: values.name, orgNumber: values.orgNumber, email: values.email, phone: values.phone }} />
      ) : null}
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit((values) => void editor.save(values))} noValidate>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('company.accountNumber')}
                description={id === null ? t('company.accountNumberHint') : undefined}
                {...form.getInputProps('accountNumber')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('company.name')} required {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('company.searchName')} {...form.getInputProps('searchName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('company.orgNumber')}
                description={
                  record?.orgNumberFormatted && record.orgNumberFormatted !== record.orgNumber ? record.orgNumberFormatted : undefined
                }
                {...form.getInputProps('orgNumber')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <UserSelect
                label={t('company.owner')}
                only={user.role === 'seller' ? [user.id] : undefined}
                {...form.getInputProps('ownerId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('company.street')} {...form.getInputProps('street')} />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 2 }}>
              <TextInput label={t('company.postalCode')} {...form.getInputProps('postalCode')} />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 4 }}>
              <TextInput label={t('company.city')} {...form.getInputProps('city')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <CountrySelect label={t('company.country')} {...form.getInputProps('country')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('company.phone')} type="tel" {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('company.email')} type="email" {...form.getInputProps('email')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('company.website')} {...form.getInputProps('website')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <SetupSelect list="industries" label={t('company.industry')} {...form.getInputProps('industryId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <SetupSelect list="target-groups" label={t('company.targetGroup')} {...form.getInputProps('targetGroupId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <SetupMultiSelect list="interest-types" label={t('company.interestTypes')} {...form.getInputProps('interestTypeIds')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <SetupSelect list="sources" label={t('company.source')} {...form.getInputProps('sourceId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <SetupSelect list="customer-profiles" label={t('company.customerProfile')} {...form.getInputProps('customerProfileId')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('company.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
            </Grid.Col>
          </Grid>
          <FormActions saving={editor.saving} isNew={!record} onDelete={editor.remove} />
        </form>
      </Paper>
      {record ? (
        <Tabs
          value={tab}
          onChange={(next) => setParams(next && next !== 'contacts' ? { tab: next } : {}, { replace: true })}
          keepMounted={false}
        >
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            {COMPANY_TABS.map((name) => (
              <Tabs.Tab key={name} value={name} style={{ flexShrink: 0 }}>
                {t(`companyTabs.${name}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="contacts" pt="md">
            <CompanyContacts companyId={record.id} />
          </Tabs.Panel>
          <Tabs.Panel value="opportunities" pt="md">
            <CompanyOpportunities companyId={record.id} />
          </Tabs.Panel>
          <Tabs.Panel value="activities" pt="md">
            <RelatedActivities filter={{ companyId: record.id }} newQuery={`companyId=${record.id}`} />
          </Tabs.Panel>
          <Tabs.Panel value="documents" pt="md">
            <Attachments resource="companies" id={record.id} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryTable resource="companies" id={record.id} labels="company" />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </Stack>
  );
}
