import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { ImportProgress as Progressed } from './upload-import';

/** The file being sent (percent), then the rows the server has checked or saved so far. */
export function ImportProgress({ progress, label }: { progress: Progressed; label: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sending = progress.sent < 1;
  const rows = !sending && progress.total > 0;
  const value = sending ? progress.sent * 100 : rows ? (progress.done / progress.total) * 100 : 100;
  return (
    <Stack gap={4} aria-live="polite" maw={640}>
      <Text size="sm">{label}</Text>
      <Progress
        value={value}
        animated={(!sending && !rows) || progress.indexes === true}
        striped={(!sending && !rows) || progress.indexes === true}
        aria-label={t('import.progress')}
      />
      <Text size="sm" c="dimmed">
        {sending
          ? t('import.uploading', { percent: Math.round(progress.sent * 100) })
          : progress.queued
            ? t('import.queued', { count: progress.queued })
            : progress.indexes
              ? t('import.rebuildingIndexes', { done: formatNumber(progress.done, language, 0) })
              : rows
                ? t('import.rowsOf', { done: formatNumber(progress.done, language, 0), total: formatNumber(progress.total, language, 0) })
                : t('import.reading')}
      </Text>
    </Stack>
  );
}
