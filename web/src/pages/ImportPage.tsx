import { Alert, Button, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../api/session';
import { IMPORT_RESOURCES, LIST_PATH, type ImportResource } from './import/import-fields';
import { STEPS, type Step } from './import/import-state';
import { CheckStep } from './import/CheckStep';
import { FileStep } from './import/FileStep';
import { ImportFailure } from './import/ImportFailure';
import { ImportReport } from './import/ImportReport';
import { ColumnsTable, lookupColumns, ValuesTables } from './import/MappingTables';
import { useImportWizard } from './import/use-import-wizard';

function isResource(value: string | null): value is ImportResource {
  return IMPORT_RESOURCES.includes(value as ImportResource);
}

/** L-7: import companies, contacts or opportunities from CSV or XLSX — map, dry-run, then all or nothing. */
export function ImportPage() {
  const user = useCurrentUser();
  const { t } = useTranslation();
  if (user.role === 'seller') {
    return (
      <Stack>
        <Title order={2}>{t('import.title')}</Title>
        <Alert color="orange">{t('import.onlyManagers')}</Alert>
      </Stack>
    );
  }
  return <ImportWizard />;
}

function ImportWizard() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('type');
  const { state, dispatch, readFile, dryRun, replaceFile, commit, toCheck } = useImportWizard(isResource(asked) ? asked : 'companies');
  const { resource, file, preview, guessed, mapping, valueMapping, step, error, result } = state;
  const phone = useMediaQuery('(max-width: 48em)');
  // on a phone the steps are numbers only and the current one is named beneath, so they fit on one line
  const label = (of: Step) => (phone ? undefined : t(`import.steps.${of}`));
  const goTo = (to: Step) => dispatch({ type: 'stepChosen', step: to });
  const hasValues = preview ? lookupColumns(resource, mapping, preview).length > 0 : false;

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
      <Stepper
        active={STEPS.indexOf(step)}
        size={phone ? 'xs' : 'sm'}
        allowNextStepsSelect={false}
        onStepClick={(index) => step !== 'done' && index < STEPS.indexOf(step) && goTo(STEPS[index] as Step)}
      >
        <Stepper.Step label={label('file')} aria-label={t('import.steps.file')}>
          <FileStep state={state} dispatch={dispatch} onRead={(chosen) => void readFile(chosen)} />
        </Stepper.Step>
        <Stepper.Step label={label('columns')} aria-label={t('import.steps.columns')}>
          {preview ? (
            <Stack>
              <Text size="sm">{t('import.columnsHint', { file: file?.name ?? '', rows: preview.rows })}</Text>
              <ColumnsTable
                resource={resource}
                preview={preview}
                mapping={mapping}
                guessed={guessed}
                onChange={(next) => dispatch({ type: 'mappingChanged', mapping: next })}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => goTo('file')}>
                  {t('import.back')}
                </Button>
                <Button onClick={() => (hasValues ? goTo('values') : toCheck())} disabled={Object.keys(mapping).length === 0}>
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
              <ValuesTables
                resource={resource}
                preview={preview}
                mapping={mapping}
                valueMapping={valueMapping}
                onChange={(next) => dispatch({ type: 'valueMappingChanged', valueMapping: next })}
              />
              <Group justify="space-between">
                <Button variant="default" onClick={() => goTo('columns')}>
                  {t('import.back')}
                </Button>
                <Button onClick={toCheck}>{t('import.dryRun')}</Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={label('check')} aria-label={t('import.steps.check')}>
          <CheckStep
            state={state}
            onBack={() => goTo(hasValues ? 'values' : 'columns')}
            onCorrectedFile={(chosen) => void replaceFile(chosen)}
            onCheckAgain={() => void dryRun()}
            onImport={() => void commit()}
          />
        </Stepper.Step>
        <Stepper.Completed>
          {result ? (
            <Stack>
              <ImportReport result={result} resource={resource} mapping={mapping} />
              <Group>
                <Button component={Link} to={LIST_PATH[resource]}>
                  {t('import.showList')}
                </Button>
                <Button variant="default" onClick={() => dispatch({ type: 'restarted' })}>
                  {t('import.another')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Completed>
      </Stepper>
      {error ? <ImportFailure error={error} /> : null}
    </Stack>
  );
}
