import { useEffect, useEffectEvent } from 'react';
import {
  Alert,
  Button,
  Fieldset,
  Grid,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSalesProcesses } from '../../api/queries';
import { keys } from '../../api/query-keys';
import { useRecordEditor } from '../../api/record-editor';
import { useCurrentUser, useInstance } from '../../api/session';
import type { Contact, Opportunity, Page, Priority, ProbabilityMode } from '../../api/types';
import { useNumberFormat } from '../../hooks/use-number-format';
import { CompanyPicker } from '../../components/CompanyPicker';
import { DateField } from '../../components/DateField';
import { FormActions, RecordState, numberOrNull, parseId } from '../../components/FormParts';
import { CurrencySelect, SetupSelect, UserSelect } from '../../components/SetupSelect';
import { PRIORITIES, toBody, toValues, type OpportunityValues } from '../opportunity-form';

/** All fields of an opportunity (U-3 "Details"), or the form of a new one; read-only when closed. */
export function OpportunityDetails({ id, onReopen, reopening }: { id: number | null; onReopen?: () => void; reopening?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const instance = useInstance();
  const [search] = useSearchParams();
  const processes = useSalesProcesses();
  const numberFormat = useNumberFormat();

  const editor = useRecordEditor<Opportunity, OpportunityValues>({
    resource: 'opportunities',
    id,
    empty: {
      // a new opportunity can come prefilled, e.g. from a call (T-4)
      title: search.get('title') ?? '',
      description: search.get('description') ?? '',
      companyId: parseId(search.get('companyId') ?? undefined),
      contactId: parseId(search.get('contactId') ?? undefined),
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
  // an Effect Event: it reads the latest form and process, but only a new id or default process runs it
  const startInDefault = useEffectEvent(() => {
    if (id === null && defaultProcess && form.getValues().processId === null) {
      form.setFieldValue('processId', defaultProcess.id);
      const first = defaultProcess.stages[0];
      form.setFieldValue('stageId', first?.id ?? null);
      form.setFieldValue('probability', first?.probability ?? '');
    }
  });
  useEffect(() => {
    startInDefault();
  }, [id, defaultProcess?.id]);

  const process = processes.data?.find((p) => p.id === values.processId);
  const stages = [...(process?.stages ?? [])].sort((a, b) => a.position - b.position);

  const contacts = useQuery({
    queryKey: keys.contacts.ofCompany(values.companyId),
    queryFn: () => api.get<Page<Contact>>('/api/contacts', { companyId: values.companyId ?? undefined, limit: 200 }),
    enabled: values.companyId !== null,
  });

  if (id !== null && !record) return <RecordState loading={editor.query.isPending} error={editor.query.error} />;

  const closed = record !== null && record.status !== 'open';
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
    <>
      {closed ? (
        <Alert color="gray" mb="md">
          <Group justify="space-between">
            <Text size="sm">{t('opportunity.closedReadOnly')}</Text>
            {onReopen ? (
              <Button size="xs" variant="default" loading={reopening} onClick={onReopen}>
                {t('opportunity.reopen')}
              </Button>
            ) : null}
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
                  data={(contacts.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: [c.firstName, c.lastName].filter(Boolean).join(' '),
                  }))}
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
                  data={(processes.data ?? [])
                    .filter((p) => p.active || p.id === values.processId)
                    .map((p) => ({ value: p.id, label: p.name }))}
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
                <UserSelect
                  label={t('opportunity.owner')}
                  clearable={false}
                  // a seller makes only themselves the owner of a new deal; only the owner hands one over
                  only={user.role === 'seller' && !record ? [user.id] : undefined}
                  disabled={user.role === 'seller' && record !== null && record.ownerId !== user.id}
                  {...form.getInputProps('ownerId')}
                />
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
                <NumberInput
                  label={t('opportunity.annualMargin')}
                  decimalScale={2}
                  {...numberFormat}
                  {...form.getInputProps('annualMargin')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField label={t('opportunity.decisionDate')} {...form.getInputProps('decisionDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField label={t('opportunity.deliveryDate')} {...form.getInputProps('deliveryDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DateField
                  label={t('opportunity.followUpDate')}
                  description={t('opportunity.followUpHint')}
                  {...form.getInputProps('followUpDate')}
                />
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
          {/* O-11: a closed opportunity offers no Save, only Reopen */}
          {closed ? null : <FormActions saving={editor.saving} isNew={!record} />}
        </form>
      </Paper>
    </>
  );
}
