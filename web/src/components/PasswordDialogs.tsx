import { useState } from 'react';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { showFormError } from '../api/errors';
import { useSetUserPassword } from '../api/setup-mutations';
import type { User } from '../api/types';

type ChangeValues = { currentPassword: string; newPassword: string };

/** the signed-in user changes their password; the answer says which tokens and sessions ended with the old one. */
function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const form = useForm<ChangeValues>({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('validation.required')),
      newPassword: (value) => (value ? null : t('validation.required')),
    },
  });
  async function save(values: ChangeValues) {
    setSaving(true);
    try {
      const answer = await api.post<{ revokedTokens: number; endedSessions: number }>('/api/auth/password', values);
      notifications.show({
        color: 'teal',
        message: t('password.changed', { tokens: answer.revokedTokens, sessions: answer.endedSessions }),
        autoClose: 12_000,
      });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        form.setErrors({ currentPassword: t('password.tooMany', { seconds: error.fields.retryAfter ?? '60' }) });
      } else {
        showFormError(form, error, t);
      }
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('password.current')}
          required
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('password.new')}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          {...form.getInputProps('newPassword')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ChangePasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('password.title')} centered>
      {opened ? <ChangePasswordForm onDone={onClose} /> : null}
    </Modal>
  );
}

/** An admin sets a new password for a user: every session of theirs ends and their API tokens are revoked. */
export function SetPasswordDialog({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const setPassword = useSetUserPassword();
  const form = useForm<{ password: string }>({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : t('validation.required')) },
  });
  async function save(target: User, password: string) {
    try {
      const answer = await setPassword.mutateAsync({ user: target, password });
      notifications.show({
        color: 'teal',
        message: t('users.passwordSet', { name: target.name, tokens: answer.revokedTokens ?? 0 }),
        autoClose: 12_000,
      });
      form.reset();
      onSaved();
    } catch (error) {
      showFormError(form, error, t);
    }
  }
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('users.setPasswordOf', { name: user.name }) : ''} centered>
      {user ? (
        <form onSubmit={form.onSubmit((values) => void save(user, values.password))} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('users.newPassword')}
              required
              autoComplete="new-password"
              visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={setPassword.isPending}>
                {t('users.setPassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
