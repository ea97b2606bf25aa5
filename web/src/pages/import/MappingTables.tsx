import { Badge, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSalesProcesses, useSetupList, useUsers } from '../../api/queries';
import { fieldLabel, IMPORT_FIELDS, LOOKUPS, type ImportResource, type Lookup } from './import-fields';
import type { FilePreview } from './read-file';

export type Mapping = Record<string, string>;
export type ValueMapping = Record<string, Record<string, string>>;

const IGNORE = '';

/** Step "Columns": each column of the file goes to a field, or is ignored; the API's guess is filled in. */
export function ColumnsTable({
  resource,
  preview,
  mapping,
  guessed,
  onChange,
}: {
  resource: ImportResource;
  preview: FilePreview;
  mapping: Mapping;
  guessed: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const { t } = useTranslation();
  const taken = new Set(Object.values(mapping));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={t('import.columnTable')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.examples')}</Table.Th>
            <Table.Th w={280}>{t('import.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((column, i) => {
            const field = mapping[column] ?? IGNORE;
            return (
              <Table.Tr key={`${column}-${i}`}>
                <Table.Td fw={600}>
                  {column || t('import.noHeader')}
                  {guessed[column] && guessed[column] === mapping[column] ? (
                    <Badge ml="xs" size="xs" variant="light">
                      {t('import.guessed')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {(preview.samples[column] ?? []).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('import.fieldOf', { column })}
                    data={[
                      { value: IGNORE, label: t('import.ignore') },
                      ...IMPORT_FIELDS[resource].map((f) => ({
                        value: f,
                        label: t(fieldLabel(resource, f)),
                        disabled: taken.has(f) && f !== field,
                      })),
                    ]}
                    value={field}
                    onChange={(next) => onChange(next ? { ...mapping, [column]: next } : without(mapping, column))}
                    allowDeselect={false}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Target = { value: string; label: string; match: string[] };

/** What a value of a lookup field can become: the names Trakt knows, and the words that already match them. */
function useTargets(lookup: Lookup): Target[] {
  const { t } = useTranslation();
  const setup = useSetupList(lookup.kind === 'setup' ? lookup.list : 'currencies');
  const users = useUsers();
  const processes = useSalesProcesses();
  switch (lookup.kind) {
    case 'setup':
      return (setup.data ?? []).filter((e) => e.active).map((e) => ({ value: e.name, label: e.name, match: [e.name] }));
    case 'currencies':
      return (setup.data ?? [])
        .filter((e) => e.active && e.code)
        .map((e) => ({ value: e.code as string, label: e.code as string, match: [e.code as string] }));
    case 'users':
      return (users.data ?? []).map((u) => ({ value: u.email, label: `${u.name} (${u.initials})`, match: [u.email, u.initials, u.name] }));
    case 'processes':
      return (processes.data ?? []).map((p) => ({ value: p.name, label: p.name, match: [p.name] }));
    case 'stages': {
      const names = [...new Set((processes.data ?? []).flatMap((p) => p.stages.map((s) => s.name)))];
      return names.map((name) => ({ value: name, label: name, match: [name] }));
    }
    case 'fixed':
      return lookup.values.map((v) => ({ value: v.value, label: t(v.label), match: [v.value, t(v.label)] }));
  }
}

function FieldValues({
  resource,
  column,
  field,
  lookup,
  values,
  mapping,
  onChange,
}: {
  resource: ImportResource;
  column: string;
  field: string;
  lookup: Lookup;
  values: string[];
  mapping: Record<string, string>;
  onChange: (mapping: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const targets = useTargets(lookup);
  const fold = (text: string) => text.trim().toLocaleLowerCase('da');
  const known = new Set(targets.flatMap((target) => target.match.map(fold)));
  // values Trakt already knows need no mapping; the others are listed to be mapped (or fixed in setup)
  const unknown = values.filter((value) => !known.has(fold(value)));
  const fieldName = t(fieldLabel(resource, field));
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb={4}>
        {column} → {fieldName}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('import.valuesKnown', { known: values.length - unknown.length, total: values.length })}
      </Text>
      {unknown.length > 0 ? (
        <Table aria-label={t('import.valueTable', { field: fieldName })} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.valueInFile')}</Table.Th>
              <Table.Th w={280}>{t('import.becomes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unknown.map((value) => (
              <Table.Tr key={value}>
                <Table.Td>{value}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('import.becomesOf', { value })}
                    placeholder={t('import.asWritten')}
                    data={targets.map((target) => ({ value: target.value, label: target.label }))}
                    value={mapping[value] ?? null}
                    onChange={(next) => onChange(next ? { ...mapping, [value]: next } : without(mapping, value))}
                    clearable
                    searchable
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

/** The mapped columns whose values name something in Trakt (a user, a stage, an industry…). */
export function lookupColumns(resource: ImportResource, mapping: Mapping, preview: FilePreview) {
  return Object.entries(mapping).flatMap(([column, field]) => {
    const lookup = LOOKUPS[resource][field];
    const values = preview.distinct[column] ?? [];
    return lookup && values.length > 0 ? [{ column, field, lookup, values }] : [];
  });
}

/** Step "Values": the file's words for stages, owners, statuses… mapped to Trakt's. */
export function ValuesTables({
  resource,
  preview,
  mapping,
  valueMapping,
  onChange,
}: {
  resource: ImportResource;
  preview: FilePreview;
  mapping: Mapping;
  valueMapping: ValueMapping;
  onChange: (valueMapping: ValueMapping) => void;
}) {
  const { t } = useTranslation();
  const columns = lookupColumns(resource, mapping, preview);
  if (columns.length === 0) return <Text c="dimmed">{t('import.noValues')}</Text>;
  return (
    <Stack gap="md">
      {preview.truncated ? (
        <Text size="sm" c="dimmed">
          {t('import.truncated', { rows: preview.rows })}
        </Text>
      ) : null}
      {columns.map(({ column, field, lookup, values }) => (
        <FieldValues
          key={column}
          resource={resource}
          column={column}
          field={field}
          lookup={lookup}
          values={values}
          mapping={valueMapping[field] ?? {}}
          onChange={(values) => onChange(Object.keys(values).length ? { ...valueMapping, [field]: values } : without(valueMapping, field))}
        />
      ))}
    </Stack>
  );
}

/** The record without one key (a mapping that is cleared leaves the object). */
function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
