import type { ReactNode } from 'react';
import { Group, Loader, Paper, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunitySummary } from '../../api/types';
import { useLanguage } from '../../i18n';
import { formatMoney, formatNumber } from '../../i18n/format';

function Stat({ name, label, value, hint }: { name: string; label: string; value: ReactNode; hint?: string }) {
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
export function SelectionSummary(props: { summary: OpportunitySummary | undefined; baseCurrency: string; refreshing: boolean }) {
  const { summary, baseCurrency, refreshing } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  if (!summary) return null;
  // one line per currency (the API puts the base currency first); an empty selection is zero in the base currency
  const lines =
    summary.byCurrency.length > 0 ? summary.byCurrency : [{ currency: baseCurrency, estimatedRevenue: 0, pipeline: 0, largest: null }];
  const money = (field: 'estimatedRevenue' | 'pipeline' | 'largest') =>
    lines.map((line) => (
      <div key={line.currency} data-currency={line.currency}>
        {line[field] === null ? '–' : formatMoney(line[field], line.currency, language)}
      </div>
    ));
  const count = (value: number) => formatNumber(value, language, 0);
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-label={t('summary.title')}
      aria-busy={refreshing ? true : undefined}
      style={refreshing ? { opacity: 0.6 } : undefined}
    >
      <Text size="sm" fw={600} mb={4}>
        {t('summary.title')} {refreshing ? <Loader size={12} aria-hidden="true" /> : null}
      </Text>
      <Group component="dl" m={0} gap="xl" align="flex-start" style={{ rowGap: 'var(--mantine-spacing-sm)' }}>
        <Stat
          name="estimatedRevenue"
          label={t('summary.estimatedRevenue')}
          value={money('estimatedRevenue')}
          hint={t('summary.estimatedRevenueHint')}
        />
        <Stat name="pipeline" label={t('summary.pipeline')} value={money('pipeline')} hint={t('summary.pipelineHint')} />
        <Stat name="largest" label={t('summary.largest')} value={money('largest')} />
        <Stat name="open" label={t('status.open')} value={count(summary.counts.open)} />
        <Stat name="won" label={t('status.won')} value={count(summary.counts.won)} />
        <Stat name="lost" label={t('status.lost')} value={count(summary.counts.lost)} />
        <Stat name="expired" label={t('status.expired')} value={count(summary.counts.expired)} />
      </Group>
      {lines.length > 1 ? (
        <Text size="xs" c="dimmed" mt={6}>
          {t('summary.perCurrency')}
        </Text>
      ) : null}
    </Paper>
  );
}
