import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Fieldset, Grid, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title, Input } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { notifySaved, showFormError } from '../api/errors';
import { useSalesProcesses } from '../api/queries';
import { useRecordEditor } from '../api/record-editor';
import { useCurrentUser, useInstance } from '../api/session';
import type { Contact, Opportunity, Page, Priority, ProbabilityMode } from '../api/types';
import { CompanyPicker } from '../components/CompanyPicker';
import { DateField } from '../components/DateField';
import { DateTimeText, DecisionDate, Money, Percent, StatusBadge } from '../components/Display';
import { FormActions, RecordState, numberOrNull, parseId } from '../components/FormParts';
import { CurrencySelect, SetupSelect, UserSelect } from '../components/SetupSelect';
import { useLanguage } from '../i18n';
import { RelatedActivities } from '../components/RelatedActivities';
import { NotFoundPage } from './NotFoundPage';
import { PRIORITIES, toBody, toValues, type OpportunityValues } from './opportunity-form';

export function OpportunityPage() {
  const { id: param } = useParams();
  const id = parseId(param);
  if (param && id === null) return <NotFoundPage />;
  return <OpportunityEditor key={id ?? 'new'} id={id} />;
}

function OpportunityEditor({ id }: { id: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const instance = useInstance();
  const [search] = useSearchParams();
  const processes = useSalesProcesses();
  const queryClient = useQueryClient();
  const [reopening, setReopening] = useState(false);

  const editor = useRecordEditor<Opportunity, OpportunityValues>({
    resource: 'opportunities',
    id,
    empty: {
      title: '',
      description: '',
      companyId: parseId(search.get('companyId') ?? undefined),
      contactId: null,
      ownerId: user.id,
      processId: null,
      stageId: null,
      probabilityMode: 'stage',
      probability: '',
      amount: '',
      currency: instance?.baseCurrency ?? 'DKK',
      margin: '',
      annualMargin: '',
      decisionDate: null,
      deliveryDate: null,
      followUpDate: null,
      priority: 'normal',
      rating: null,
      typeId: null,
      sourceId: null,
      regionId: user.regionId,
      departmentId: user.departmentId,
    },
    toValues,
    toBody,
    createOnly: ['processId'],
    validate: {
      title: (value) => (value.trim() ? null : t('validation.required')),
      companyId: (value) => (value ? null : t('validation.required')),
      probability: (value, values) => {
        if (values.probabilityMode !== 'manual') return null;
        const number = numberOrNull(value);
        return number !== null && number >= 0 && number <= 100 ? null : t('validation.percent');
      },
    },
  });
  const { form, record } = editor;
  const values = form.getValues();

  // O-1: a new opportunity starts in the default process, at its first stage
  const defaultProcess = processes.data?.find((p) => p.isDefault) ?? processes.data?.[0];
  useEffect(() => {
    if (id === null && defaultProcess && form.getValues().processId === null) {
      form.setFieldValue('processId', defaultProcess.id);
      const first = defaultProcess.stages[0];
      form.setFieldValue('stageId', first?.id ?? null);
      form.setFieldValue('probability', first?.probability ?? '');
    }
  }, [id, defaultProcess?.id]);

  const process = processes.data?.find((p) => p.id === values.processId);
  const stages = [...(process?.stages ?? [])].sort((a, b) => a.position - b.position);

  const contacts = useQuery({
    queryKey: ['contacts', 'of-company', values.companyId],
    queryFn: () => api.get<Page<Contact>>('/api/contacts', { companyId: values.companyId ?? undefined, limit: 200 }),
    enabled: values.companyId !== null,
  });

  if (id !== null && !record) return <RecordState loading={editor.query.isPending} error={editor.query.error} />;

  const closed = record !== null && record.status !== 'open';
  const numberFormat =
    language === 'en'
      ? { thousandSeparator: ',', decimalSeparator: '.' }
      : { thousandSeparator: '\u00a0', decimalSeparator: ',' };

  // O-11: reopening is the one change a closed opportunity accepts
  async function reopen(current: Opportunity) {
    setReopening(true);
    try {
      const reopened = await api.post<Opportunity>(`/api/opportunities/${current.id}/reopen`, { version: current.version });
      queryClient.setQueryData(['opportunities', current.id], reopened);
      void queryClient.invalidateQueries({ queryKey: ['opportunities', 'list'] });
      notifySaved(t, t('opportunity.reopened'));
    } catch (error) {
      showFormError(form, error, t, { onConflict: () => void editor.reload() });
    } finally {
      setReopening(false);
    }
  }

  function chooseStage(stageId: number | null) {
    form.setFieldValue('stageId', stageId);
    const stage = stages.find((s) => s.id === stageId);
    if (stage && form.getValues().probabilityMode === 'stage') form.setFieldValue('probability', stage.probability);
  }

  function chooseProcess(processId: number | null) {
    form.setFieldValue('processId', processId);
    const first = processes.data?.find((p) => p.id === processId)?.stages[0];
    chooseStage(first?.id ?? null);
  }

  return (
    <Stack gap="md">
      <Group>
        <Anchor component={Link} to="/opportunities" size="sm">
          ← {t('nav.opportunities')}
        </Anchor>
        {record ? (
          <Anchor component={Link} to={`/companies/${record.companyId}`} size="sm">
            {record.companyName}
          </Anchor>
        ) : null}
      </Group>
      <Group gap="sm">
        <Title order={2}>{record ? `${record.number} · ${record.title}` : t('opportunity.new')}</Title>
        {record ? <StatusBadge status={record.status} /> : null}
      </Group>
      {record ? (
        <Group gap="xl">
          <Text size="sm">
            {t('opportunity.weightedAmount')}: <Money amount={record.weightedAmount} currency={record.currency} />
          </Text>
          {record.marginPct !== null ? (
            <Text size="sm">
              {t('opportunity.marginPct')}: <Percent value={record.marginPct} />
            </Text>
          ) : null}
          {record.decisionDate ? (
            <Text size="sm">
              {t('opportunity.decisionDate')}: <DecisionDate date={record.decisionDate} color={record.decisionColor} />
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('common.lastChanged')}: <DateTimeText timestamp={record.updatedAt} /> {record.updatedByInitials ?? ''}
          </Text>
        </Group>
      ) : null}
      {closed && record ? (
        <Alert color="gray">
          <Group justify="space-between">
            <Text size="sm">{t('opportunity.closedReadOnly')}</Text>
            <Button size="xs" variant="default" loading={reopening} onClick={() => void reopen(record)}>
              {t('opportunity.reopen')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit((v) => void editor.save(v))} noValidate>
          <Fieldset variant="unstyled" disabled={closed}>
            <Grid>
              <Grid.Col span={12}>
                <TextInput label={t('opportunity.title')} required {...form.getInputProps('title')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <CompanyPicker
                  label={t('opportunity.company')}
                  required
                  {...form.getInputProps('companyId')}
                  onChange={(value) => {
                    form.setFieldValue('companyId', value);
                    form.setFieldValue('contactId', null);
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select<number>
                  label={t('opportunity.contact')}
                  data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: [c.firstName, c.lastName].filter(Boolean).join(' ') }))}
                  disabled={closed || values.companyId === null}
                  clearable
                  searchable
                  {...form.getInputProps('contactId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select<number>
                  label={t('opportunity.process')}
                  description={record ? t('opportunity.processFixed') : undefined}
                  data={(processes.data ?? []).filter((p) => p.active || p.id === values.processId).map((p) => ({ value: p.id, label: p.name }))}
                  disabled={record !== null}
                  allowDeselect={false}
                  {...form.getInputProps('processId')}
                  onChange={chooseProcess}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select<number>
                  label={t('opportunity.stage')}
                  data={stages.map((s) => ({ value: s.id, label: `${s.name} (${s.probability} %)` }))}
                  allowDeselect={false}
                  {...form.getInputProps('stageId')}
                  onChange={chooseStage}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <UserSelect label={t('opportunity.owner')} clearable={false} {...form.getInputProps('ownerId')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Input.Wrapper label={t('opportunity.probabilityMode')} id="probability-mode">
                  <SegmentedControl
                    fullWidth
                    aria-labelledby="probability-mode-label"
                    data={[
                      { value: 'stage', label: t('probabilityMode.stage') },
                      { value: 'manual', label: t('probabilityMode.manual') },
                    ]}
                    {...form.getInputProps('probabilityMode')}
                    onChange={(mode) => {
                      form.setFieldValue('probabilityMode', mode as ProbabilityMode);
                      const stage = stages.find((s) => s.id === form.getValues().stageId);
                      if (mode === 'stage' && stage) form.setFieldValue('probability', stage.probability);
                    }}
                  />
                </Input.Wrapper>
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <NumberInput
                  label={t('opportunity.probability')}
                  min={0}
                  max={100}
                  suffix=" %"
                  allowDecimal={false}
                  readOnly={values.probabilityMode === 'stage'}
                  {...form.getInputProps('probability')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <Select<Priority>
                  label={t('opportunity.priority')}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('priority')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NumberInput label={t('opportunity.amount')} min={0} decimalScale={2} {...numberFormat} {...form.getInputProps('amount')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 2 }}>
                <CurrencySelect label={t('opportunity.currency')} {...form.getInputProps('currency')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <NumberInput label={t('opportunity.margin')} decimalScale={2} {...numberFormat} {...form.getInputProps('margin')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <NumberInput label={t('opportunity.annualMargin')} decimalScale={2} {...numberFormat} {...form.getInputProps('annualMargin')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField label={t('opportunity.decisionDate')} {...form.getInputProps('decisionDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField label={t('opportunity.deliveryDate')} {...form.getInputProps('deliveryDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField label={t('opportunity.followUpDate')} description={t('opportunity.followUpHint')} {...form.getInputProps('followUpDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <Select<number>
                  label={t('opportunity.rating')}
                  data={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${'★'.repeat(n)} (${n})` }))}
                  clearable
                  {...form.getInputProps('rating')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <SetupSelect list="opportunity-types" label={t('opportunity.type')} {...form.getInputProps('typeId')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <SetupSelect list="sources" label={t('opportunity.source')} {...form.getInputProps('sourceId')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <SetupSelect list="regions" label={t('opportunity.region')} {...form.getInputProps('regionId')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <SetupSelect list="departments" label={t('opportunity.department')} {...form.getInputProps('departmentId')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label={t('opportunity.description')} autosize minRows={3} {...form.getInputProps('description')} />
              </Grid.Col>
            </Grid>
          </Fieldset>
          <FormActions saving={editor.saving} isNew={!record} onDelete={editor.remove} disabled={closed} />
        </form>
      </Paper>
      {record ? (
        <RelatedActivities
          filter={{ opportunityId: record.id }}
          newQuery={`opportunityId=${record.id}&companyId=${record.companyId}${record.contactId ? `&contactId=${record.contactId}` : ''}`}
        />
      ) : null}
    </Stack>
  );
}
