import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useForm, type UseFormInput } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from './client';
import { notifyError, notifySaved, showFormError } from './errors';
import { mergeTyping } from './merge-typing';
import { keys } from './query-keys';

type Versioned = { id: number; version: number };
type Body = Record<string, unknown>;

type Options<R extends Versioned, V extends Body> = {
  /** API resource, e.g. `companies`; also the UI path */
  resource: string;
  /** null while creating */
  id: number | null;
  empty: V;
  toValues: (record: R) => V;
  toBody: (values: V) => Body;
  validate?: UseFormInput<V>['validate'];
  /** fields only sent on create (e.g. the sales process, O-5) */
  createOnly?: string[];
  /** where to go after create; default: the new record's page */
  afterCreate?: (record: R) => string;
};

/** Only the fields that differ from what was loaded, so a PATCH never overwrites untouched data. */
export function changedFields(next: Body, before: Body): Body {
  const changed: Body = {};
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) changed[key] = value;
  }
  return changed;
}

/**
 * Loads one record into a Mantine form and saves it: POST when new, PATCH with only the changed
 * fields and `version` when editing. A 409 version conflict reloads the record into the form.
 * When the record moves on for another reason (e.g. adding a competitor moves the opportunity's
 * version), the form takes the new version and values without losing what the user is typing.
 */
export function useRecordEditor<R extends Versioned, V extends Body>(options: Options<R, V>) {
  const { resource, id } = options;
  const resourceKeys = keys.resource(resource);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const form = useForm<V>({ initialValues: options.empty, validate: options.validate });

  const query = useQuery({
    queryKey: resourceKeys.detail(id),
    queryFn: () => api.get<R>(`/api/${resource}/${id}`),
    enabled: id !== null,
  });
  const record = query.data ?? null;
  // the record the form's edits are based on: a save sends its version and what differs from it
  const base = useRef<R | null>(null);

  function fill(from: R) {
    base.current = from;
    const values = options.toValues(from);
    form.setValues(values);
    form.setInitialValues(values);
    form.resetDirty(values);
  }

  // fill the form when a record arrives; when its version moves on, keep what the user typed
  const loadedKey = record ? `${record.id}:${record.version}` : null;
  // an Effect Event: it reads the latest record, form and options, but only a new loadedKey runs it
  const takeRecord = useEffectEvent(() => {
    if (!record) return;
    const known = base.current;
    if (known && known.id === record.id && known.version === record.version) return;
    if (!known || known.id !== record.id || !form.isDirty()) {
      fill(record);
      form.clearErrors();
      return;
    }
    const next = options.toValues(record);
    const merged = mergeTyping(options.toValues(known), next, form.getValues());
    if (!merged) return;
    base.current = record;
    form.setInitialValues(next);
    form.resetDirty(next);
    form.setValues(merged);
  });
  useEffect(() => {
    takeRecord();
  }, [loadedKey]);

  // the 409 answer carries the record as it is now; without it, read it again
  async function reload(current?: unknown) {
    const isRecord = (value: unknown): value is R => typeof value === 'object' && value !== null && 'id' in value && 'version' in value;
    const fresh = isRecord(current) ? current : (await query.refetch()).data;
    if (!fresh) return;
    fill(fresh);
    queryClient.setQueryData(resourceKeys.detail(fresh.id), fresh);
  }

  async function save(values: V) {
    setSaving(true);
    try {
      if (record) {
        const known = base.current ?? record;
        const before = options.toBody(options.toValues(known));
        const createOnly = new Set(options.createOnly);
        const changes = Object.fromEntries(
          Object.entries(changedFields(options.toBody(values), before)).filter(([field]) => !createOnly.has(field)),
        );
        if (Object.keys(changes).length === 0) {
          notifySaved(t, t('common.nothingChanged'));
          return;
        }
        const updated = await api.patch<R>(`/api/${resource}/${record.id}`, { ...changes, version: known.version });
        fill(updated);
        queryClient.setQueryData(resourceKeys.detail(record.id), updated);
        void queryClient.invalidateQueries({ queryKey: resourceKeys.lists });
        // what hangs under the record (history, steps, sellers …) may have changed with it
        void queryClient.invalidateQueries({ queryKey: resourceKeys.detail(record.id), predicate: (q) => q.queryKey.length > 2 });
        if (resource === 'opportunities') void queryClient.invalidateQueries({ queryKey: keys.opportunities.board });
        notifySaved(t);
      } else {
        const created = await api.post<R>(`/api/${resource}`, options.toBody(values));
        queryClient.setQueryData(resourceKeys.detail(created.id), created);
        void queryClient.invalidateQueries({ queryKey: resourceKeys.lists });
        notifySaved(t, t('common.created'));
        void navigate(options.afterCreate ? options.afterCreate(created) : `/${resource}/${created.id}`, { replace: true });
      }
    } catch (error) {
      showFormError(form, error, t, { onConflict: (conflict) => void reload(conflict.current) });
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!record) return;
    try {
      await api.delete(`/api/${resource}/${record.id}`);
      queryClient.removeQueries({ queryKey: resourceKeys.detail(record.id) });
      void queryClient.invalidateQueries({ queryKey: resourceKeys.lists });
      notifySaved(t, t('common.deleted'));
      void navigate(`/${resource}`);
    } catch (error) {
      notifyError(error, t);
    }
  }

  return { form, record, query, saving, save, remove, reload };
}
