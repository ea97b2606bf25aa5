import { Button, FileInput, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportState } from './import-state';
import { IMPORT_ACCEPT } from './FileStep';
import { ImportProgress } from './ImportProgress';
import { ImportReport } from './ImportReport';

type Props = {
  state: ImportState;
  onBack: () => void;
  onCorrectedFile: (file: File | null) => void;
  onCheckAgain: () => void;
  onImport: () => void;
};

/** The dry run's report, with a corrected file or another check before the import of all rows or none. */
export function CheckStep({ state, onBack, onCorrectedFile, onCheckAgain, onImport }: Props) {
  const { t } = useTranslation();
  const { check, busy, progress, resource, mapping } = state;
  const canImport = check !== null && check.errors.length === 0 && check.rows > 0 && busy === null;
  return (
    <Stack>
      {progress && busy === 'checking' ? <ImportProgress progress={progress} label={t('import.checking')} /> : null}
      {busy === 'reading' ? (
        // a corrected file, read here before its dry run
        <Group gap="xs" aria-live="polite">
          <Loader size="sm" />
          <Text size="sm">{t('import.checking')}</Text>
        </Group>
      ) : null}
      {check ? <ImportReport result={check} resource={resource} mapping={mapping} /> : null}
      {progress && busy === 'importing' ? <ImportProgress progress={progress} label={t('import.saving')} /> : null}
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="flex-end">
          <Button variant="default" onClick={onBack} disabled={busy !== null}>
            {t('import.back')}
          </Button>
          <FileInput
            label={t('import.correctedFile')}
            placeholder={t('import.choose')}
            accept={IMPORT_ACCEPT}
            value={null}
            onChange={onCorrectedFile}
            disabled={busy !== null}
            w={240}
          />
          <Button variant="default" onClick={onCheckAgain} disabled={busy !== null}>
            {t('import.checkAgain')}
          </Button>
        </Group>
        <Button color="green" onClick={onImport} disabled={!canImport} loading={busy === 'importing'}>
          {t('import.import', { count: check?.rows ?? 0 })}
        </Button>
      </Group>
    </Stack>
  );
}
