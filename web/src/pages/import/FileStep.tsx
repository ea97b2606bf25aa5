import type { Dispatch } from 'react';
import { Button, FileInput, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_RESOURCES, PRESETS } from './import-fields';
import type { ImportAction, ImportState } from './import-state';
import { ImportProgress } from './ImportProgress';

export const IMPORT_ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The first step: what to import, the file, and the system it comes from. */
export function FileStep({
  state,
  dispatch,
  onRead,
}: {
  state: ImportState;
  dispatch: Dispatch<ImportAction>;
  onRead: (file: File) => void;
}) {
  const { t } = useTranslation();
  const { resource, file, preset, busy, progress } = state;
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <div>
          <Text size="sm" fw={500} id="import-type-label" mb={4}>
            {t('import.type')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-type-label"
            data={IMPORT_RESOURCES.map((value) => ({ value, label: t(`nav.${value}`) }))}
            value={resource}
            onChange={(value) => dispatch({ type: 'resourceChosen', resource: value })}
            fullWidth
          />
        </div>
        <FileInput
          label={t('import.file')}
          description={t('import.fileHint')}
          placeholder={t('import.choose')}
          accept={IMPORT_ACCEPT}
          value={file}
          onChange={(chosen) => dispatch({ type: 'fileChosen', file: chosen })}
          clearable
        />
        <Select
          label={t('import.preset')}
          description={t('import.presetHint')}
          data={PRESETS.map((value) => ({ value, label: t(`import.presets.${value}`) }))}
          value={preset}
          onChange={(value) => value && dispatch({ type: 'presetChosen', preset: value })}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button onClick={() => file && onRead(file)} disabled={!file} loading={busy === 'reading'}>
            {t('import.readFile')}
          </Button>
        </Group>
        {/* the first dry run, which guesses the columns, reads the whole file */}
        {progress && busy === 'reading' ? <ImportProgress progress={progress} label={t('import.checking')} /> : null}
      </Stack>
    </Paper>
  );
}
