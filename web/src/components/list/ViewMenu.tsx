import { useState } from 'react';
import { Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError, notifySaved, showFormError } from '../../api/errors';
import { keys } from '../../api/query-keys';
import { useCurrentUser } from '../../api/session';
import { useDeleteView, useSaveView, useUpdateViewQuery } from '../../api/view-mutations';
import type { ListResourceName, Page, SavedView } from '../../api/types';
import { sameQuery } from './list-params';

type Props = {
  resource: ListResourceName;
  /** the list's filters and sort now */
  query: Record<string, string>;
  columns: string[];
  /** the applied view's id (URL `sv`) */
  activeId: number | null;
  onApply: (view: SavedView) => void;
  /** the applied view was deleted */
  onForget: () => void;
};

type Editing = { mode: 'new' } | { mode: 'rename'; view: SavedView };

/** Name and sharing of a new view (current filters, sort and columns) or of an existing one. */
function ViewDialog({
  editing,
  onClose,
  onSaved,
  resource,
  query,
  columns,
}: { editing: Editing; onClose: () => void; onSaved: (view: SavedView) => void } & Pick<Props, 'resource' | 'query' | 'columns'>) {
  const { t } = useTranslation();
  const saveView = useSaveView(resource);
  const existing = editing.mode === 'rename' ? editing.view : null;
  const form = useForm({
    initialValues: { name: existing?.name ?? '', shared: existing?.shared ?? false },
    validate: { name: (value) => (value.trim() ? null : t('validation.required')) },
  });
  async function submit(values: { name: string; shared: boolean }) {
    try {
      const body = { name: values.name.trim(), shared: values.shared };
      const saved = await saveView.mutateAsync({ existing, body, query, columns });
      notifySaved(t, existing ? t('views.updated') : t('views.created', { name: saved.name }));
      onSaved(saved);
      onClose();
    } catch (error) {
      showFormError(form, error, t);
    }
  }
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack>
        {existing ? null : (
          <Text size="sm" c="dimmed">
            {t('views.saveHint')}
          </Text>
        )}
        <TextInput label={t('views.name')} required data-autofocus {...form.getInputProps('name')} />
        <Checkbox label={t('views.shared')} description={t('views.sharedHint')} {...form.getInputProps('shared', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saveView.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** L-4: apply a saved view, save the current filters as one, update, rename, share or delete own views. */
export function ViewMenu({ resource, query, columns, activeId, onApply, onForget }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const updateView = useUpdateViewQuery(resource);
  const deleteView = useDeleteView(resource);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const views = useQuery({
    queryKey: keys.views.of(resource),
    queryFn: () => api.get<Page<SavedView>>('/api/views', { resource }),
    select: (page) => page.items,
  });
  const all = views.data ?? [];
  const mine = all.filter((v) => v.ownerId === user.id);
  const others = all.filter((v) => v.ownerId !== user.id);
  const active = all.find((v) => v.id === activeId) ?? null;
  const changed = active !== null && !sameQuery(active.query, query);

  async function updateActive(view: SavedView) {
    try {
      const saved = await updateView.mutateAsync({ view, query, columns });
      notifySaved(t, t('views.updated'));
      onApply(saved);
    } catch (error) {
      notifyError(error, t);
    }
  }
  async function remove(view: SavedView) {
    try {
      await deleteView.mutateAsync(view);
      notifySaved(t, t('views.deleted', { name: view.name }));
      if (view.id === activeId) onForget();
    } catch (error) {
      notifyError(error, t);
    } finally {
      setDeleting(null);
    }
  }

  const item = (view: SavedView) => (
    <Menu.Item
      key={view.id}
      onClick={() => onApply(view)}
      fw={view.id === activeId ? 700 : undefined}
      aria-current={view.id === activeId ? 'true' : undefined}
    >
      {view.name}
      {view.ownerId !== user.id ? (
        <Text span size="xs" c="dimmed">
          {' '}
          · {view.ownerName}
        </Text>
      ) : view.shared ? (
        <Text span size="xs" c="dimmed">
          {' '}
          · {t('views.sharedShort')}
        </Text>
      ) : null}
    </Menu.Item>
  );

  return (
    <>
      <Menu position="bottom-start" withinPortal width={280}>
        <Menu.Target>
          <Button variant="default" aria-label={active ? t('views.menuWith', { name: active.name }) : t('views.menu')}>
            {active ? `${t('views.button')}: ${active.name}${changed ? ` (${t('views.changed')})` : ''}` : t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('views.mine')}</Menu.Label>
          {mine.length ? mine.map(item) : <Menu.Item disabled>{t('views.none')}</Menu.Item>}
          <Menu.Label>{t('views.others')}</Menu.Label>
          {others.length ? others.map(item) : <Menu.Item disabled>{t('views.none')}</Menu.Item>}
          <Menu.Divider />
          <Menu.Item onClick={() => setEditing({ mode: 'new' })}>{t('views.saveAs')}</Menu.Item>
          {active && active.ownerId === user.id ? (
            <>
              <Menu.Item onClick={() => void updateActive(active)} disabled={!changed && sameColumns(active.columns, columns)}>
                {t('views.update', { name: active.name })}
              </Menu.Item>
              <Menu.Item onClick={() => setEditing({ mode: 'rename', view: active })}>{t('views.rename', { name: active.name })}</Menu.Item>
              <Menu.Item color="red" onClick={() => setDeleting(active)}>
                {t('views.delete', { name: active.name })}
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'rename' ? t('views.renameTitle') : t('views.saveTitle')}
        centered
      >
        {editing ? (
          <ViewDialog
            editing={editing}
            onClose={() => setEditing(null)}
            onSaved={(view) => {
              // a new view is the current state, now named; a renamed one keeps any unsaved filters
              if (editing.mode === 'new') onApply(view);
            }}
            resource={resource}
            query={query}
            columns={columns}
          />
        ) : null}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('views.deleteTitle')} centered>
        <Text mb="md">{t('views.confirmDelete', { name: deleting?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => deleting && void remove(deleting)}>
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
