import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecisionColor, OpportunityStatus } from '../api/types';
import { useLanguage } from '../i18n';
import { formatDate, formatDateTime, formatMoney, formatPercent } from '../i18n/format';

const DECISION: Record<Exclude<DecisionColor, null>, { color: string; label: string }> = {
  red: { color: 'red.7', label: 'opportunity.decision.overdue' },
  green: { color: 'green.7', label: 'opportunity.decision.today' },
  blue: { color: 'blue.7', label: 'opportunity.decision.soon' },
};

/** The decision date in its O-23 colour; the meaning is also given as text, not by colour alone. */
export function DecisionDate({ date, color }: { date: string | null; color: DecisionColor }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!date) return null;
  const text = formatDate(date, language);
  if (!color) return <span>{text}</span>;
  const meaning = t(DECISION[color].label);
  return (
    <Tooltip label={meaning}>
      <Text span c={DECISION[color].color} fw={600} size="sm" aria-label={`${text} (${meaning})`} data-decision={color}>
        {text}
      </Text>
    </Tooltip>
  );
}

const STATUS_COLOR: Record<OpportunityStatus, string> = { open: 'blue', won: 'green', lost: 'red', expired: 'gray' };

export function StatusBadge({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function Money({ amount, currency }: { amount: number | null; currency: string }) {
  const language = useLanguage();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(amount, currency, language)}</span>;
}

export function Percent({ value }: { value: number | null }) {
  const language = useLanguage();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatPercent(value, language)}</span>;
}

export function DateText({ date }: { date: string | null }) {
  const language = useLanguage();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDate(date, language)}</span>;
}

export function DateTimeText({ timestamp }: { timestamp: string | null }) {
  const language = useLanguage();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(timestamp, language)}</span>;
}
