import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { ApiError } from './client';

type FormLike = {
  setErrors: (errors: Record<string, string>) => void;
  values: object;
};

/** A short, translated text for an error that is not about a particular field. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.status === 0) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.code === 'IMPORT_QUEUE_FULL') return t('errors.importQueueFull');
  if (error.status === 429) return t('errors.tooMany');
  if (error.status >= 500) return t('errors.server');
  // 400/409/422 messages come from the API and say exactly what was refused
  return error.message || t('errors.generic');
}

/** "Changed by someone else" (O-25): the caller shows the record as it is now. */
export function notifyConflict(t: TFunction): void {
  notifications.show({ color: 'orange', title: t('errors.conflictTitle'), message: t('errors.conflict'), autoClose: 8000 });
}

export function notifyError(error: unknown, t: TFunction): void {
  if (error instanceof ApiError && error.isVersionConflict) {
    notifyConflict(t);
    return;
  }
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(error, t) });
}

export function notifySaved(t: TFunction, message?: string): void {
  notifications.show({ color: 'teal', message: message ?? t('common.saved') });
}

/**
 * Shows an API error on a form: field errors next to their inputs, a version conflict as a
 * notification (the caller reloads the record), anything else as a notification.
 * `fieldMap` renames API field paths to form paths (e.g. `admin.email` → `adminEmail`).
 */
export function showFormError(
  form: FormLike,
  error: unknown,
  t: TFunction,
  options: { fieldMap?: Record<string, string>; onConflict?: (error: ApiError) => void } = {},
): void {
  if (error instanceof ApiError && error.isVersionConflict) {
    notifyConflict(t);
    options.onConflict?.(error);
    return;
  }
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const known = new Set(Object.keys(form.values));
    const formErrors: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const [field, message] of Object.entries(error.fields)) {
      const path = options.fieldMap?.[field] ?? field;
      if (known.has(path.split('.')[0] ?? path)) formErrors[path] = message;
      else unplaced.push(`${field}: ${message}`);
    }
    form.setErrors(formErrors);
    notifications.show({
      color: 'red',
      title: t('errors.fixFields'),
      message: unplaced.length > 0 ? unplaced.join('; ') : error.message,
    });
    return;
  }
  notifyError(error, t);
}
