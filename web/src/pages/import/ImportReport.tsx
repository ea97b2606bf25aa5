import { Alert, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { fieldLabel, type ImportResource } from './import-fields';

export type ImportError = { row: number; field: string; message: string };
/** The answer of POST /api/import/{resource}, dry run or not. */
export type ImportResult = {
  rows: number;
  created: number;
  updated: number;
  /** rows of closed opportunities, left as they are */
  skipped: number;
  errors: ImportError[];
  mapping: Record<string, string>;
  dryRun: boolean;
  /** the character encoding a CSV file was read in (null for XLSX) */
  encoding: string | null;
  /** columns of the file that go to no field */
  ignoredColumns: string[];
};

function Count({ name, label, value, color }: { name: string; label: string; value: number; color?: string }) {
  const language = useLanguage();
  return (
    <div data-count={name}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {formatNumber(value, language, 0)}
      </Text>
    </div>
  );
}

/** The counts of a dry run or an import, and every row error in a table (row, column, problem). */
export function ImportReport({
  result,
  resource,
  mapping,
}: {
  result: ImportResult;
  resource: ImportResource;
  mapping: Record<string, string>;
}) {
  const { t } = useTranslation();
  const columnOf = new Map(Object.entries(mapping).map(([column, field]) => [field, column]));
  const errors = result.errors.length;
  return (
    <Paper withBorder p="md" component="section" aria-label={result.dryRun ? t('import.dryRunResult') : t('import.result')}>
      <Group gap="xl" mb="sm">
        <Count name="rows" label={t('import.rows')} value={result.rows} />
        <Count name="created" label={result.dryRun ? t('import.wouldCreate') : t('import.created')} value={result.created} />
        <Count name="updated" label={result.dryRun ? t('import.wouldUpdate') : t('import.updated')} value={result.updated} />
        {result.skipped ? <Count name="skipped" label={t('import.skipped')} value={result.skipped} /> : null}
        <Count name="errors" label={t('import.errors')} value={errors} color={errors ? 'red.7' : 'teal.7'} />
      </Group>
      {result.encoding ? (
        <Text size="sm" c="dimmed" data-testid="import-encoding">
          {t('import.encoding', { encoding: result.encoding })}
        </Text>
      ) : null}
      {result.ignoredColumns.length ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid="import-ignored">
          {t('import.ignoredColumns', { columns: result.ignoredColumns.join(', ') })}
        </Text>
      ) : null}
      {errors === 0 ? (
        <Alert color="teal">
          {result.dryRun ? t('import.noErrors') : t('import.done', { created: result.created, updated: result.updated })}
        </Alert>
      ) : (
        <>
          <Alert color="red" mb="sm">
            {t('import.hasErrors', { count: errors })}
          </Alert>
          <Table.ScrollContainer minWidth={440} mah={420}>
            <Table striped stickyHeader aria-label={t('import.errorTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('import.row')}</Table.Th>
                  <Table.Th>{t('import.column')}</Table.Th>
                  <Table.Th>{t('import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.map((error, i) => (
                  <Table.Tr key={`${error.row}-${error.field}-${i}`}>
                    <Table.Td>{error.row}</Table.Td>
                    <Table.Td>
                      {columnOf.get(error.field) ?? ''}
                      <Text span c="dimmed" size="xs">
                        {' '}
                        ({t(fieldLabel(resource, error.field), { defaultValue: error.field })})
                      </Text>
                    </Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  );
}
