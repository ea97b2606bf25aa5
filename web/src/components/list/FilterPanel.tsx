import { useState } from 'react';
import { Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSalesProcesses, useSetupList, useUsers } from '../../api/queries';
import { useActivityTypeLabel } from '../../hooks/use-activity-type-label';
import { CompanyPicker } from '../CompanyPicker';
import { COUNTRIES } from '../CountrySelect';
import { useCountryName } from '../../hooks/use-country-name';
import { DateField } from '../DateField';
import { RecordPicker } from '../RecordPicker';
import { useNumberFormat } from '../../hooks/use-number-format';
import { GROUPS, type FilterDef } from './filter-defs';
import { comparisonParam, dayBound, dayOf, splitValues, type Comparison } from './list-params';

export type SetParam = (name: string, value: string | null) => void;
type ControlProps<D extends FilterDef['kind']> = { def: Extract<FilterDef, { kind: D }>; params: URLSearchParams; set: SetParam };

export const OPERATOR_SIGN: Record<Comparison, string> = { gte: '≥', lte: '≤', eq: '=', ne: '≠' };

const idOf = (value: string | null) => (value ? Number(value) : null);

/** A multi-choice filter: its values are written comma-separated (`status=open,won`). */
function Choices({
  param,
  label,
  data,
  params,
  set,
}: {
  param: string;
  label: string;
  data: { value: string; label: string }[] | { group: string; items: { value: string; label: string }[] }[];
  params: URLSearchParams;
  set: SetParam;
}) {
  const { t } = useTranslation();
  const value = splitValues(params.get(param));
  return (
    <MultiSelect
      label={label}
      data={data}
      value={value}
      onChange={(next) => set(param, next.length ? next.join(',') : null)}
      placeholder={value.length ? undefined : t('common.all')}
      searchable
      clearable
      nothingFoundMessage={t('common.noResults')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function SetupChoices({ def, params, set }: ControlProps<'setup'>) {
  const { t } = useTranslation();
  const entries = useSetupList(def.list);
  const data = (entries.data ?? []).map((entry) => ({
    value: String(entry.id),
    label: entry.active ? entry.name : `${entry.name} (${t('common.inactive')})`,
  }));
  return <Choices param={def.param} label={t(def.label)} data={data} params={params} set={set} />;
}

function UserChoices({ def, params, set }: ControlProps<'users'>) {
  const { t } = useTranslation();
  const users = useUsers();
  const data = (users.data ?? []).map((user) => ({ value: String(user.id), label: `${user.name} (${user.initials})` }));
  return <Choices param={def.param} label={t(def.label)} data={data} params={params} set={set} />;
}

function ProcessChoices({ def, params, set }: ControlProps<'processes' | 'stages'>) {
  const { t } = useTranslation();
  const processes = useSalesProcesses();
  const list = processes.data ?? [];
  const data =
    def.kind === 'processes'
      ? list.map((process) => ({ value: String(process.id), label: process.name }))
      : list.map((process) => ({
          group: process.name,
          items: process.stages.map((stage) => ({ value: String(stage.id), label: stage.name })),
        }));
  return <Choices param={def.param} label={t(def.label)} data={data} params={params} set={set} />;
}

function ActivityTypeChoices({ def, params, set }: ControlProps<'activityTypes'>) {
  const { t } = useTranslation();
  const types = useSetupList('activity-types');
  const label = useActivityTypeLabel();
  const data = (types.data ?? [])
    .filter((type) => type.key)
    .map((type) => ({ value: type.key as string, label: label(type.key as string) }));
  return <Choices param={def.param} label={t(def.label)} data={data} params={params} set={set} />;
}

function CountryChoices({ def, params, set }: ControlProps<'countries'>) {
  const { t } = useTranslation();
  const name = useCountryName();
  const chosen = splitValues(params.get(def.param));
  const codes = [...new Set([...chosen, ...COUNTRIES])];
  return (
    <Choices
      param={def.param}
      label={t(def.label)}
      data={codes.map((code) => ({ value: code, label: name(code) }))}
      params={params}
      set={set}
    />
  );
}

/** Free text, written when the field is left or Enter is pressed (not on every key). */
function TextFilter({ def, params, set }: ControlProps<'text'>) {
  const { t } = useTranslation();
  const current = params.get(def.param) ?? '';
  const [text, setText] = useState(current);
  // a URL changed from outside (a link, Back, a saved view) replaces the text
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setText(current);
  }
  const commit = () => {
    if (text.trim() !== current) set(def.param, text.trim() || null);
  };
  return (
    <TextInput
      label={t(def.label)}
      description={def.hint ? t(def.hint) : undefined}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}

function BooleanFilter({ def, params, set }: ControlProps<'boolean'>) {
  const { t } = useTranslation();
  return (
    <Select
      label={t(def.label)}
      data={[
        { value: 'true', label: t(def.yes ?? 'filters.yes') },
        { value: 'false', label: t(def.no ?? 'filters.no') },
      ]}
      value={params.get(def.param)}
      onChange={(value) => set(def.param, value)}
      placeholder={t('common.all')}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A comparison on a number: pick ≥ ≤ = ≠, type the value, Apply (each comparison is its own chip). */
function CompareFilter({ def, set }: ControlProps<'compare'>) {
  const { t } = useTranslation();
  const numberFormat = useNumberFormat();
  const [op, setOp] = useState<Comparison>('gte');
  const [value, setValue] = useState<number | string>('');
  const label = t(def.label);
  const apply = () => {
    if (value === '' || !Number.isFinite(Number(value))) return;
    set(comparisonParam(def.param, op), String(value));
    setValue('');
  };
  return (
    <div role="group" aria-label={label}>
      <Text size="sm" fw={500} mb={2}>
        {label}
      </Text>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <Select
          aria-label={t('filters.operatorOf', { field: label })}
          data={def.ops.map((o) => ({ value: o, label: `${OPERATOR_SIGN[o]} ${t(`filters.op.${o}`)}` }))}
          value={op}
          onChange={(next) => next && setOp(next)}
          allowDeselect={false}
          w={140}
          style={{ flexShrink: 0 }}
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          aria-label={t('filters.valueOf', { field: label })}
          value={value}
          onChange={setValue}
          decimalScale={def.money ? 2 : 0}
          {...numberFormat}
          hideControls
          style={{ flex: 1, minWidth: 70 }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              apply();
            }
          }}
        />
        <Button
          variant="light"
          onClick={apply}
          disabled={value === ''}
          aria-label={t('filters.applyOf', { field: label })}
          px="sm"
          style={{ flexShrink: 0 }}
        >
          {t('filters.apply')}
        </Button>
      </Group>
    </div>
  );
}

function DatesFilter({ def, params, set }: ControlProps<'dates'>) {
  const { t } = useTranslation();
  const label = t(def.label);
  const from = params.get(`${def.param}.gte`);
  const to = params.get(`${def.param}.lte`);
  const write = (end: 'from' | 'to', day: string | null) =>
    set(`${def.param}.${end === 'from' ? 'gte' : 'lte'}`, day ? dayBound(day, end, def.timestamp === true) : null);
  return (
    <div role="group" aria-label={label}>
      <Text size="sm" fw={500} mb={2}>
        {label}
      </Text>
      <Group gap={4} grow wrap="nowrap">
        <DateField
          aria-label={t('filters.fromOf', { field: label })}
          placeholder={t('filters.from')}
          value={from ? dayOf(from) : null}
          onChange={(day) => write('from', day)}
        />
        <DateField
          aria-label={t('filters.toOf', { field: label })}
          placeholder={t('filters.to')}
          value={to ? dayOf(to) : null}
          onChange={(day) => write('to', day)}
        />
      </Group>
    </div>
  );
}

function FilterControl({ def, params, set }: { def: FilterDef; params: URLSearchParams; set: SetParam }) {
  const { t } = useTranslation();
  switch (def.kind) {
    case 'enum':
      return (
        <Choices
          param={def.param}
          label={t(def.label)}
          data={def.values.map((v) => ({ value: v.value, label: t(v.label) }))}
          params={params}
          set={set}
        />
      );
    case 'setup':
      return <SetupChoices def={def} params={params} set={set} />;
    case 'users':
      return <UserChoices def={def} params={params} set={set} />;
    case 'processes':
    case 'stages':
      return <ProcessChoices def={def} params={params} set={set} />;
    case 'activityTypes':
      return <ActivityTypeChoices def={def} params={params} set={set} />;
    case 'countries':
      return <CountryChoices def={def} params={params} set={set} />;
    case 'company':
      return (
        <CompanyPicker
          label={t(def.label)}
          value={idOf(params.get(def.param))}
          onChange={(id) => set(def.param, id ? String(id) : null)}
          clearable
          placeholder={t('common.all')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'record':
      return (
        <RecordPicker
          resource={def.resource}
          label={t(def.label)}
          value={idOf(params.get(def.param))}
          onChange={(id) => set(def.param, id ? String(id) : null)}
          placeholder={t('common.all')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'text':
      return <TextFilter def={def} params={params} set={set} />;
    case 'boolean':
      return <BooleanFilter def={def} params={params} set={set} />;
    case 'compare':
      return <CompareFilter def={def} params={params} set={set} />;
    case 'dates':
      return <DatesFilter def={def} params={params} set={set} />;
  }
}

/** Every filter of a list, grouped; each change goes straight into the URL (and so to the list). */
export function FilterPanel({ defs, params, set }: { defs: FilterDef[]; params: URLSearchParams; set: SetParam }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {GROUPS.map((group) => {
        const inGroup = defs.filter((def) => def.group === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-label={t(`filters.groups.${group}`)}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
              {t(`filters.groups.${group}`)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: group === 'numbers' || group === 'dates' ? 3 : 4 }} spacing="sm" verticalSpacing="xs">
              {inGroup.map((def) => (
                <FilterControl key={def.param} def={def} params={params} set={set} />
              ))}
            </SimpleGrid>
          </section>
        );
      })}
    </Stack>
  );
}
