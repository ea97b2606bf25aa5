import { Group, Loader, Paper, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunitySummary } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatMoney, formatNumber } from '../../i18n/format';

function Stat({ name, label, value, hint }: { name: string; label: string; value: string; hint?: string }) {
  const content = (
    <div data-stat={name}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={700} size="lg" component="dd" m={0} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </div>
  );
  return hint ? (
    <Tooltip label={hint} multiline w={260}>
      {content}
    </Tooltip>
  ) : (
    content
  );
}

/** L-5: the whole selection in numbers, under the opportunity list; it follows every filter. */
export function SelectionSummary(props: { summary: OpportunitySummary | undefined; currency: string; refreshing: boolean; mixedCurrencies: boolean }) {
  const { summary, currency, refreshing, mixedCurrencies } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  if (!summary) return null;
  const money = (value: number | null) => (value === null ? '–' : formatMoney(value, currency, language));
  const count = (value: number) => formatNumber(value, language, 0);
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('summary.title')} aria-busy={refreshing ? true : undefined} style={refreshing ? { opacity: 0.6 } : undefined}>
      <Text size="sm" fw={600} mb={4}>
        {t('summary.title')} {refreshing ? <Loader size={12} aria-hidden="true" /> : null}
      </Text>
      <Group component="dl" m={0} gap="xl" align="flex-start" style={{ rowGap: 'var(--mantine-spacing-sm)' }}>
        <Stat name="estimatedRevenue" label={t('summary.estimatedRevenue')} value={money(summary.estimatedRevenue)} hint={t('summary.estimatedRevenueHint')} />
        <Stat name="pipeline" label={t('summary.pipeline')} value={money(summary.pipeline)} hint={t('summary.pipelineHint')} />
        <Stat name="largest" label={t('summary.largest')} value={money(summary.largest)} />
        <Stat name="open" label={t('status.open')} value={count(summary.counts.open)} />
        <Stat name="won" label={t('status.won')} value={count(summary.counts.won)} />
        <Stat name="lost" label={t('status.lost')} value={count(summary.counts.lost)} />
        <Stat name="expired" label={t('status.expired')} value={count(summary.counts.expired)} />
      </Group>
      {mixedCurrencies ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t('summary.mixedCurrencies', { currency })}
        </Text>
      ) : null}
    </Paper>
  );
}
