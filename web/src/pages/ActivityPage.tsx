import { Anchor, Button, Checkbox, Grid, Group, NumberInput, Paper, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOpportunityFromActivity } from '../api/activity-mutations';
import { notifyError, notifySaved } from '../api/errors';
import { keys } from '../api/query-keys';
import { useRecordEditor } from '../api/record-editor';
import { useCurrentUser } from '../api/session';
import type { Activity, Contact, Opportunity, Page } from '../api/types';
import { ActivityTypeSelect } from '../components/ActivityTypeSelect';
import { CompanyPicker } from '../components/CompanyPicker';
import { DateField } from '../components/DateField';
import { FormActions, RecordState, numberOrNull, parseId, textOrNull } from '../components/FormParts';
import { UserSelect } from '../components/SetupSelect';
import { NotFoundPage } from './NotFoundPage';

type Values = {
  type: string | null;
  subject: string;
  text: string;
  dueDate: string | null;
  dueTime: string;
  durationMinutes: number | string;
  done: boolean;
  ownerId: number | null;
  companyId: number | null;
  contactId: number | null;
  opportunityId: number | null;
};

function toValues(a: Activity): Values {
  return {
    type: a.type,
    subject: a.subject,
    text: a.text ?? '',
    dueDate: a.dueDate,
    dueTime: a.dueTime ? a.dueTime.slice(0, 5) : '',
    durationMinutes: a.durationMinutes ?? '',
    done: a.done,
    ownerId: a.ownerId,
    companyId: a.companyId,
    contactId: a.contactId,
    opportunityId: a.opportunityId,
  };
}

function toBody(v: Values) {
  return {
    type: v.type,
    subject: v.subject.trim(),
    text: textOrNull(v.text),
    dueDate: v.dueDate,
    dueTime: textOrNull(v.dueTime),
    durationMinutes: numberOrNull(v.durationMinutes),
    done: v.done,
    ownerId: v.ownerId,
    companyId: v.companyId,
    contactId: v.contactId,
    opportunityId: v.opportunityId,
  };
}

export function ActivityPage() {
  const { id: param } = useParams();
  const id = parseId(param);
  if (param && id === null) return <NotFoundPage />;
  return <ActivityEditor key={id ?? 'new'} id={id} />;
}

function ActivityEditor({ id }: { id: number | null }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const editor = useRecordEditor<Activity, Values>({
    resource: 'activities',
    id,
    empty: {
      type: search.get('type') ?? 'task',
      subject: '',
      text: '',
      dueDate: null,
      dueTime: '',
      durationMinutes: '',
      done: false,
      ownerId: user.id,
      companyId: parseId(search.get('companyId') ?? undefined),
      contactId: parseId(search.get('contactId') ?? undefined),
      opportunityId: parseId(search.get('opportunityId') ?? undefined),
    },
    toValues,
    toBody,
    validate: {
      type: (value) => (value ? null : t('validation.required')),
      subject: (value) => (value.trim() ? null : t('validation.required')),
    },
  });
  const { form, record } = editor;
  const companyId = form.getValues().companyId;

  const contacts = useQuery({
    queryKey: keys.contacts.ofCompany(companyId),
    queryFn: () => api.get<Page<Contact>>('/api/contacts', { companyId: companyId ?? undefined, limit: 200 }),
    enabled: companyId !== null,
  });
  const opportunities = useQuery({
    queryKey: keys.opportunities.ofCompany(companyId),
    queryFn: () => api.get<Page<Opportunity>>('/api/opportunities', { companyId: companyId ?? undefined, limit: 200, sort: '-number' }),
    enabled: companyId !== null,
  });

  if (id !== null && !record) return <RecordState loading={editor.query.isPending} error={editor.query.error} />;

  return (
    <Stack gap="md">
      <Group>
        <Anchor component={Link} to="/activities" size="sm">
          ← {t('nav.activities')}
        </Anchor>
        {record?.opportunityId ? (
          <Anchor component={Link} to={`/opportunities/${record.opportunityId}`} size="sm">
            {record.opportunityTitle}
          </Anchor>
        ) : null}
      </Group>
      <Group justify="space-between">
        <Title order={2}>{record ? record.subject : t('activity.new')}</Title>
        {record && record.type === 'call' && !record.opportunityId ? <OpportunityFromCall activity={record} /> : null}
      </Group>
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit((values) => void editor.save(values))} noValidate>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <ActivityTypeSelect label={t('activity.type')} required allowDeselect={false} {...form.getInputProps('type')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t('activity.subject')} required {...form.getInputProps('subject')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateField label={t('activity.dueDate')} {...form.getInputProps('dueDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <TextInput label={t('activity.dueTime')} type="time" {...form.getInputProps('dueTime')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <NumberInput label={t('activity.durationMinutes')} min={0} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CompanyPicker
                label={t('activity.company')}
                clearable
                {...form.getInputProps('companyId')}
                onChange={(value) => {
                  form.setFieldValue('companyId', value);
                  form.setFieldValue('contactId', null);
                  form.setFieldValue('opportunityId', null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <UserSelect
                label={t('activity.owner')}
                clearable={false}
                only={user.role === 'seller' && !record ? [user.id] : undefined}
                {...form.getInputProps('ownerId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select<number>
                label={t('activity.contact')}
                data={(contacts.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: [c.firstName, c.lastName].filter(Boolean).join(' '),
                }))}
                disabled={companyId === null}
                clearable
                searchable
                {...form.getInputProps('contactId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select<number>
                label={t('activity.opportunity')}
                data={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.number} · ${o.title}` }))}
                disabled={companyId === null}
                clearable
                searchable
                {...form.getInputProps('opportunityId')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('activity.text')} autosize minRows={3} {...form.getInputProps('text')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Checkbox label={t('activity.isDone')} {...form.getInputProps('done', { type: 'checkbox' })} />
            </Grid.Col>
          </Grid>
          <FormActions saving={editor.saving} isNew={!record} onDelete={editor.remove} />
        </form>
      </Paper>
    </Stack>
  );
}

/** T-4: an opportunity from a call, with its company, contact and text; the call is linked to it. */
function OpportunityFromCall({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fromCall = useOpportunityFromActivity(activity.id);
  async function createOpportunity() {
    try {
      const created = await fromCall.mutateAsync();
      notifySaved(t, t('activity.opportunityCreated'));
      await navigate(`/opportunities/${created.id}?tab=details`);
    } catch (error) {
      notifyError(error, t);
    }
  }
  return (
    <Button
      variant="light"
      loading={fromCall.isPending}
      disabled={activity.companyId === null}
      title={activity.companyId === null ? t('activity.needsCompany') : undefined}
      onClick={() => void createOpportunity()}
    >
      {t('activity.createOpportunity')}
    </Button>
  );
}
