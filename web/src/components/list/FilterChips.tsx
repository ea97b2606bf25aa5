import { Button, Group, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompany, useSalesProcesses, useSetupList, useUsers } from '../../api/queries';
import { useLanguage } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { useActivityTypeLabel } from '../../hooks/use-activity-type-label';
import { useCountryName } from '../../hooks/use-country-name';
import { recordLabel } from '../RecordPicker';
import { useRecord } from '../../api/queries';
import { OPERATOR_SIGN } from './FilterPanel';
import { defOf, type FilterDef } from './filter-defs';
import { dayOf, parseParam, splitValues } from './list-params';

type Names = (ids: string[]) => string;

function useSetupNames(def: FilterDef): Names {
  const entries = useSetupList(def.kind === 'setup' ? def.list : 'industries');
  return (ids) => ids.map((id) => entries.data?.find((e) => String(e.id) === id)?.name ?? `#${id}`).join(', ');
}

function useUserNames(): Names {
  const users = useUsers();
  return (ids) => ids.map((id) => users.data?.find((u) => String(u.id) === id)?.name ?? `#${id}`).join(', ');
}

function useProcessNames(stages: boolean): Names {
  const processes = useSalesProcesses();
  return (ids) =>
    ids
      .map((id) => {
        for (const process of processes.data ?? []) {
          if (!stages && String(process.id) === id) return process.name;
          const stage = stages ? process.stages.find((s) => String(s.id) === id) : undefined;
          if (stage) return (processes.data?.length ?? 0) > 1 ? `${stage.name} (${process.name})` : stage.name;
        }
        return `#${id}`;
      })
      .join(', ');
}

function CompanyName({ id }: { id: string }) {
  const company = useCompany(Number(id) || null);
  return <>{company.data?.name ?? `#${id}`}</>;
}

function RecordName({ resource, id }: { resource: 'contacts' | 'opportunities'; id: string }) {
  const record = useRecord(resource, Number(id) || null);
  return <>{record.data ? recordLabel(resource, record.data) : `#${id}`}</>;
}

/** The value of one filter in words: names for ids, formatted numbers and dates. */
function ChipValue({ def, param, value }: { def: FilterDef; param: string; value: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const setupNames = useSetupNames(def);
  const userNames = useUserNames();
  const processNames = useProcessNames(def.kind === 'stages');
  const typeLabel = useActivityTypeLabel();
  const countryName = useCountryName();
  const values = splitValues(value);
  const { op } = parseParam(param);
  switch (def.kind) {
    case 'enum':
      return <>{values.map((v) => t(def.values.find((d) => d.value === v)?.label ?? v)).join(', ')}</>;
    case 'setup':
      return <>{setupNames(values)}</>;
    case 'users':
      return <>{userNames(values)}</>;
    case 'processes':
    case 'stages':
      return <>{processNames(values)}</>;
    case 'activityTypes':
      return <>{values.map(typeLabel).join(', ')}</>;
    case 'countries':
      return <>{values.map(countryName).join(', ')}</>;
    case 'company':
      return <CompanyName id={value} />;
    case 'record':
      return <RecordName resource={def.resource} id={value} />;
    case 'boolean':
      return <>{value === 'true' ? t(def.yes ?? 'filters.yes') : t(def.no ?? 'filters.no')}</>;
    case 'compare':
      return <>{`${OPERATOR_SIGN[op]} ${values.map((v) => formatNumber(Number(v), language)).join(' / ')}`}</>;
    case 'dates':
      return <>{`${op === 'gte' ? t('filters.from') : t('filters.to')} ${formatDate(dayOf(value), language)}`}</>;
    case 'text':
      return <>{value}</>;
  }
}

type Props = {
  defs: FilterDef[];
  /** the filters in the URL (sort left out) */
  entries: [string, string][];
  onRemove: (param: string) => void;
  onClear: () => void;
  /** what the initial letter applies to, e.g. "Company starts with" */
  letterLabel: string;
};

/** The active filters as chips, each removable on its own (L-2). */
export function FilterChips({ defs, entries, onRemove, onClear, letterLabel }: Props) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <Group gap={6}>
      <Group gap={6} aria-label={t('filters.active')} role="list">
        {entries.map(([param, value]) => {
          const def = defOf(defs, param);
          let name: string;
          if (param === 'q' || param === 'title' || param === 'note') name = t(`filters.scope.${param}`);
          else if (param === 'letter') name = letterLabel;
          else name = def ? t(def.label) : param;
          const text = def ? <ChipValue def={def} param={param} value={value} /> : value;
          return (
            <Pill
              key={param}
              role="listitem"
              size="md"
              withRemoveButton
              onRemove={() => onRemove(param)}
              removeButtonProps={{ 'aria-label': t('filters.remove', { name }) }}
              data-filter={param}
            >
              {name}
              {def?.kind === 'compare' ? ' ' : ': '}
              {text}
            </Pill>
          );
        })}
      </Group>
      {entries.length > 1 ? (
        <Button size="compact-xs" variant="subtle" onClick={onClear}>
          {t('filters.clearAll')}
        </Button>
      ) : null}
    </Group>
  );
}
