import { useTranslation } from 'react-i18next';
import { useSalesProcesses, useUsers } from '../../api/queries';
import type { Opportunity } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatDate, formatMoney } from '../../i18n/format';

/** Reads the stored history values of an opportunity as a person would: stage and user names, dates, money. */
export function useOpportunityValueFormat(o: Opportunity) {
  const { t } = useTranslation();
  const language = useLanguage();
  const processes = useSalesProcesses();
  const users = useUsers();
  const stages = processes.data?.flatMap((p) => p.stages) ?? [];
  const formatField = (field: string): string | null => {
    const step = /^step:(\d+)$/.exec(field);
    if (!step) return null;
    const stage = stages.find((s) => s.id === Number(step[1]));
    return `${t('history.event.step')}: ${stage?.name ?? step[1]}`;
  };
  const formatValue = (field: string, value: string | null): string => {
    if (value === null || value === '') return '–';
    if (field.startsWith('step:')) return t(`steps.state.${value}`, { defaultValue: value });
    const id = Number(value);
    switch (field) {
      case 'stageId':
        return stages.find((s) => s.id === id)?.name ?? value;
      case 'ownerId':
        return users.data?.find((u) => u.id === id)?.name ?? value;
      case 'status':
        return t(`status.${value}`, { defaultValue: value });
      case 'priority':
        return t(`priority.${value}`, { defaultValue: value });
      case 'probability':
        return `${value} %`;
      case 'amount':
      case 'actualAmount':
      case 'margin':
      case 'annualMargin':
        return Number.isFinite(id) ? formatMoney(id, o.currency, language) : value;
      default:
        return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : value;
    }
  };
  return { formatValue, formatField };
}
