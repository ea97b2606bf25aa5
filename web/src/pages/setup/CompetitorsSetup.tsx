import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, Select, Stack, Switch, Table, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySaved, showFormError } from '../../api/errors';
import { useCompetitors } from '../../api/queries';
import { useSaveCompetitor } from '../../api/setup-mutations';
import type { Competitor } from '../../api/types';
import { RecordState, textOrNull } from '../../components/FormParts';

type Values = { name: string; website: string; strengths: string; weaknesses: string; rating: number | null; active: boolean };

const valuesOf = (competitor: Competitor | null): Values => ({
  name: competitor?.name ?? '',
  website: competitor?.website ?? '',
  strengths: competitor?.strengths ?? '',
  weaknesses: competitor?.weaknesses ?? '',
  rating: competitor?.rating ?? null,
  active: competitor?.active ?? true,
});

function CompetitorForm({ competitor: opened, onDone }: { competitor: Competitor | null; onDone: () => void }) {
  const { t } = useTranslation();
  const saveCompetitor = useSaveCompetitor();
  // the competitor as last read: its version is the one a save is based on (O-25)
  const [competitor, setCompetitor] = useState(opened);
  const form = useForm<Values>({
    initialValues: valuesOf(opened),
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
  });
  async function save(values: Values) {
    const body = {
      name: values.name.trim(),
      website: textOrNull(values.website),
      strengths: textOrNull(values.strengths),
      weaknesses: textOrNull(values.weaknesses),
      rating: values.rating,
      active: values.active,
    };
    try {
      await saveCompetitor.mutateAsync({ id: competitor?.id ?? null, version: competitor?.version, body });
      notifySaved(t, competitor ? undefined : t('common.created'));
      onDone();
    } catch (error) {
      // O-25: someone else saved first: the form shows the competitor as it is now
      showFormError(form, error, t, {
        onConflict: (conflict) => {
          const current = conflict.current as Competitor | undefined;
          if (current) {
            setCompetitor(current);
            form.setValues(valuesOf(current));
          }
        },
      });
    }
  }
  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <TextInput label={t('competitors.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('company.website')} {...form.getInputProps('website')} />
        <Select<number>
          label={t('competitors.rating')}
          data={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${'★'.repeat(n)} (${n})` }))}
          clearable
          {...form.getInputProps('rating')}
        />
        <Textarea label={t('competitors.strengths')} autosize minRows={2} {...form.getInputProps('strengths')} />
        <Textarea label={t('competitors.weaknesses')} autosize minRows={2} {...form.getInputProps('weaknesses')} />
        <Switch label={t('common.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saveCompetitor.isPending}>
            {competitor ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** O-15: the global competitor list. Entries are deactivated rather than deleted, so old deals keep them. */
export function CompetitorsSetup() {
  const { t } = useTranslation();
  const competitors = useCompetitors();
  const [editing, setEditing] = useState<Competitor | 'new' | null>(null);
  if (!competitors.data) return <RecordState loading={competitors.isPending} error={competitors.error} />;
  return (
    <Stack gap="md">
      <Button style={{ alignSelf: 'flex-start' }} onClick={() => setEditing('new')}>
        {t('competitors.new')}
      </Button>
      <Paper withBorder p="md">
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('setupPages.competitors')} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('competitors.name')}</Table.Th>
                <Table.Th>{t('competitors.rating')}</Table.Th>
                <Table.Th>{t('competitors.strengths')}</Table.Th>
                <Table.Th>{t('competitors.weaknesses')}</Table.Th>
                <Table.Th>{t('common.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {competitors.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setEditing(c)}
                      aria-label={t('competitors.edit', { name: c.name })}
                    >
                      {c.name}
                    </Button>
                  </Table.Td>
                  <Table.Td>{c.rating ? '★'.repeat(c.rating) : '–'}</Table.Td>
                  <Table.Td>{c.strengths}</Table.Td>
                  <Table.Td>{c.weaknesses}</Table.Td>
                  <Table.Td>
                    {c.active ? <Badge color="teal">{t('common.active')}</Badge> : <Badge color="gray">{t('common.inactive')}</Badge>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('competitors.new') : t('competitors.editTitle')}
        centered
      >
        {editing !== null ? <CompetitorForm competitor={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
