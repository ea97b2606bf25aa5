import { useState } from 'react';
import { Alert, Button, FileInput, Group, Loader, Paper, SegmentedControl, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../api/errors';
import { useCurrentUser } from '../api/session';
import { IMPORT_RESOURCES, LIST_PATH, PRESETS, type ImportResource, type Preset } from './import/import-fields';
import { ImportReport, type ImportResult } from './import/ImportReport';
import { ImportProgress } from './import/ImportProgress';
import { ColumnsTable, lookupColumns, ValuesTables, type Mapping, type ValueMapping } from './import/MappingTables';
import { previewFile, type FilePreview } from './import/read-file';
import { NO_PROGRESS, uploadImport, type ImportProgress as Progressed } from './import/upload-import';

type Step = 'file' | 'columns' | 'values' | 'check' | 'done';
const STEPS: Step[] = ['file', 'columns', 'values', 'check', 'done'];

function isResource(value: string | null): value is ImportResource {
  return IMPORT_RESOURCES.includes(value as ImportResource);
}

/** L-7: import companies, contacts or opportunities from CSV or XLSX — map, dry-run, then all or nothing. */
export function ImportPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const asked = params.get('type');
  const [resource, setResource] = useState<ImportResource>(isResource(asked) ? asked : 'companies');
  const [preset, setPreset] = useState<Preset>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<FilePreview | null>(null);
  const [guessed, setGuessed] = useState<Mapping>({});
  const [mapping, setMapping] = useState<Mapping>({});
  const [valueMapping, setValueMapping] = useState<ValueMapping>({});
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [busy, setBusy] = useState<'reading' | 'checking' | 'importing' | null>(null);
  // while a request is out: how much of the file is sent, then how many rows the server has done
  const [progress, setProgress] = useState<Progressed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const phone = useMediaQuery('(max-width: 48em)');
  // on a phone the steps are numbers only and the current one is named beneath, so they fit on one line
  const label = (of: Step) => (phone ? undefined : t(`import.steps.${of}`));

  if (user.role === 'seller') {
    return (
      <Stack>
        <Title order={2}>{t('import.title')}</Title>
        <Alert color="orange">{t('import.onlyManagers')}</Alert>
      </Stack>
    );
  }

  function form(chosen: File, options: { mapping?: Mapping; dryRun: boolean }): FormData {
    const body = new FormData();
    body.append('file', chosen, chosen.name);
    if (options.mapping) body.append('mapping', JSON.stringify(options.mapping));
    // only the fields that are mapped: a value mapping of a column since ignored means nothing
    const fields = new Set(Object.values(options.mapping ?? {}));
    const values = Object.fromEntries(Object.entries(valueMapping).filter(([field]) => fields.has(field)));
    if (Object.keys(values).length) body.append('valueMapping', JSON.stringify(values));
    if (preset !== 'auto') body.append('preset', preset);
    body.append('dryRun', String(options.dryRun));
    return body;
  }
  const path = `/api/import/${resource}`;

  async function send(body: FormData): Promise<ImportResult> {
    setProgress(NO_PROGRESS);
    try {
      return await uploadImport(path, body, setProgress);
    } finally {
      setProgress(null);
    }
  }

  /** Reads the file here (columns, examples) and lets the API guess the mapping with a first dry run. */
  async function readFile(chosen: File) {
    setBusy('reading');
    setError(null);
    try {
      const seen = await previewFile(chosen);
      let guess: Mapping = {};
      try {
        guess = (await send(form(chosen, { dryRun: true }))).mapping;
      } catch (failure) {
        // no column name was recognised: the user maps them all
        if (!(failure instanceof ApiError && failure.status === 400 && 'mapping' in failure.fields)) throw failure;
      }
      setPreview(seen);
      setGuessed(guess);
      setMapping(guess);
      setValueMapping({});
      setCheck(null);
      setStep('columns');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  async function dryRun(chosen: File | null = file) {
    if (!chosen) return;
    setBusy('checking');
    setError(null);
    setCheck(null);
    try {
      setCheck(await send(form(chosen, { mapping, dryRun: true })));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  /** A corrected file: same mapping when it has the same columns, else back to the columns. */
  async function replaceFile(chosen: File | null) {
    if (!chosen) return;
    setFile(chosen);
    setBusy('reading');
    setError(null);
    try {
      const seen = await previewFile(chosen);
      setPreview(seen);
      const fits = Object.keys(mapping).every((column) => seen.headers.includes(column));
      if (!fits) {
        setBusy(null);
        setCheck(null);
        setStep('columns');
        return;
      }
      await dryRun(chosen);
    } catch (failure) {
      setError(failure);
      setBusy(null);
    }
  }

  async function commit() {
    if (!file) return;
    setBusy('importing');
    setError(null);
    try {
      const answer = await send(form(file, { mapping, dryRun: false }));
      if (answer.errors.length) {
        // the data changed since the dry run (a company renamed, an account number taken…): nothing was written
        setCheck(answer);
      } else {
        setResult(answer);
        setStep('done');
        void queryClient.invalidateQueries({ queryKey: [resource] });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  function restart() {
    setFile(null);
    setPreview(null);
    setMapping({});
    setGuessed({});
    setValueMapping({});
    setCheck(null);
    setResult(null);
    setError(null);
    setStep('file');
  }

  const hasValues = preview ? lookupColumns(resource, mapping, preview).length > 0 : false;
  const toCheck = () => {
    setStep('check');
    void dryRun();
  };
  const canImport = check !== null && check.errors.length === 0 && check.rows > 0 && busy === null;

  return (
    <Stack gap="md">
      <Title order={2}>{t('import.title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('import.intro')}
      </Text>
      {phone && step !== 'done' ? (
        <Text size="sm" fw={600}>
          {t('import.stepOf', { step: STEPS.indexOf(step) + 1, steps: 4, name: t(`import.steps.${step}`) })}
        </Text>
      ) : null}
      <Stepper active={STEPS.indexOf(step)} size={phone ? 'xs' : 'sm'} allowNextStepsSelect={false} onStepClick={(index) => step !== 'done' && index < STEPS.indexOf(step) && setStep(STEPS[index] as Step)}>
        <Stepper.Step label={label('file')} aria-label={t('import.steps.file')}>
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
                  onChange={(value) => setResource(value as ImportResource)}
                  fullWidth
                />
              </div>
              <FileInput label={t('import.file')} description={t('import.fileHint')} placeholder={t('import.choose')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" value={file} onChange={setFile} clearable />
              <Select
                label={t('import.preset')}
                description={t('import.presetHint')}
                data={PRESETS.map((value) => ({ value, label: t(`import.presets.${value}`) }))}
                value={preset}
                onChange={(value) => value && setPreset(value as Preset)}
                allowDeselect={false}
              />
              <Group justify="flex-end">
                <Button onClick={() => file && void readFile(file)} disabled={!file} loading={busy === 'reading'}>
                  {t('import.readFile')}
                </Button>
              </Group>
              {/* the first dry run, which guesses the columns, reads the whole file */}
              {progress && busy === 'reading' ? <ImportProgress progress={progress} label={t('import.checking')} /> : null}
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={label('columns')} aria-label={t('import.steps.columns')}>
          {preview ? (
            <Stack>
              <Text size="sm">{t('import.columnsHint', { file: file?.name ?? '', rows: preview.rows })}</Text>
              <ColumnsTable resource={resource} preview={preview} mapping={mapping} guessed={guessed} onChange={setMapping} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep('file')}>
                  {t('import.back')}
                </Button>
                <Button onClick={() => (hasValues ? setStep('values') : toCheck())} disabled={Object.keys(mapping).length === 0}>
                  {hasValues ? t('import.next') : t('import.dryRun')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={label('values')} aria-label={t('import.steps.values')}>
          {preview ? (
            <Stack>
              <Text size="sm">{t('import.valuesHint')}</Text>
              <ValuesTables resource={resource} preview={preview} mapping={mapping} valueMapping={valueMapping} onChange={setValueMapping} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep('columns')}>
                  {t('import.back')}
                </Button>
                <Button onClick={toCheck}>{t('import.dryRun')}</Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={label('check')} aria-label={t('import.steps.check')}>
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
                <Button variant="default" onClick={() => setStep(hasValues ? 'values' : 'columns')} disabled={busy !== null}>
                  {t('import.back')}
                </Button>
                <FileInput
                  label={t('import.correctedFile')}
                  placeholder={t('import.choose')}
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  value={null}
                  onChange={(chosen) => void replaceFile(chosen)}
                  disabled={busy !== null}
                  w={240}
                />
                <Button variant="default" onClick={() => void dryRun()} disabled={busy !== null}>
                  {t('import.checkAgain')}
                </Button>
              </Group>
              <Button color="green" onClick={() => void commit()} disabled={!canImport} loading={busy === 'importing'}>
                {t('import.import', { count: check?.rows ?? 0 })}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          {result ? (
            <Stack>
              <ImportReport result={result} resource={resource} mapping={mapping} />
              <Group>
                <Button component={Link} to={LIST_PATH[resource]}>
                  {t('import.showList')}
                </Button>
                <Button variant="default" onClick={restart}>
                  {t('import.another')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Completed>
      </Stepper>
      {error ? (
        <Alert color="red" title={t('errors.title')}>
          {error instanceof ApiError && error.code === 'FILE_ENCODING' ? t('import.encodingRefused') : errorMessage(error, t)}
          {error instanceof ApiError && Object.keys(error.fields).length ? (
            <Text size="sm" mt={4}>
              {Object.entries(error.fields)
                .map(([field, message]) => `${field}: ${message}`)
                .join('; ')}
            </Text>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
