import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { notifyError, notifySaved, showFormError } from '../../api/errors';
import { keys } from '../../api/query-keys';
import { useCreateUser, useUpdateUser } from '../../api/setup-mutations';
import { useCurrentUser } from '../../api/session';
import type { Page, Role, User } from '../../api/types';
import { RecordState } from '../../components/FormParts';
import { SetupSelect } from '../../components/SetupSelect';
import { SetPasswordDialog } from '../../components/PasswordDialogs';

const ROLES: Role[] = ['admin', 'manager', 'seller'];

type Values = {
  name: string;
  email: string;
  password: string;
  role: Role;
  initials: string;
  regionId: number | null;
  departmentId: number | null;
};

function NewUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const createUser = useCreateUser();
  const form = useForm<Values>({
    initialValues: { name: '', email: '', password: '', role: 'seller', initials: '', regionId: null, departmentId: null },
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('validation.email')),
      password: (value) => (value ? null : t('validation.required')),
    },
  });
  async function save(values: Values) {
    try {
      await createUser.mutateAsync({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        role: values.role,
        ...(values.initials.trim() ? { initials: values.initials.trim() } : {}),
        regionId: values.regionId,
        departmentId: values.departmentId,
      });
      notifySaved(t, t('common.created'));
      onDone();
    } catch (error) {
      showFormError(form, error, t);
    }
  }
  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <TextInput label={t('users.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('users.email')} type="email" required autoComplete="off" {...form.getInputProps('email')} />
        <PasswordInput
          label={t('users.password')}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          {...form.getInputProps('password')}
        />
        <Group grow>
          <Select
            label={t('users.role')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          <TextInput label={t('users.initials')} description={t('users.initialsHint')} maxLength={6} {...form.getInputProps('initials')} />
        </Group>
        <Group grow>
          <SetupSelect list="regions" label={t('opportunity.region')} {...form.getInputProps('regionId')} />
          <SetupSelect list="departments" label={t('opportunity.department')} {...form.getInputProps('departmentId')} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createUser.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Users: create, change role, deactivate, set a new password. */
export function UsersSetup() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const updateUser = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [settingPassword, setSettingPassword] = useState<User | null>(null);
  const users = useQuery({ queryKey: keys.users.everyone, queryFn: () => api.get<Page<User>>('/api/users', { limit: 200, sort: 'name' }) });

  async function patch(user: User, change: Partial<User>) {
    try {
      await updateUser.mutateAsync({ user, change });
      notifySaved(t);
    } catch (error) {
      notifyError(error, t);
    }
  }

  if (!users.data) return <RecordState loading={users.isPending} error={users.error} />;
  return (
    <Stack gap="md">
      <Button style={{ alignSelf: 'flex-start' }} onClick={() => setCreating(true)}>
        {t('users.new')}
      </Button>
      <Paper withBorder p="md">
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('setupPages.users')} striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.initials')}</Table.Th>
                <Table.Th>{t('users.email')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('common.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    {user.name} {user.id === me.id ? <Badge size="xs">{t('users.you')}</Badge> : null}
                  </Table.Td>
                  <Table.Td>{user.initials}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('users.roleOf', { name: user.name })}
                      data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                      value={user.role}
                      allowDeselect={false}
                      disabled={user.id === me.id}
                      onChange={(value) => value && value !== user.role && void patch(user, { role: value })}
                      w={150}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('users.activeOf', { name: user.name })}
                      checked={user.active}
                      disabled={user.id === me.id}
                      onChange={(e) => void patch(user, { active: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {/* one's own password is changed in the user menu, with the current one */}
                    {user.id === me.id ? null : (
                      <Button
                        variant="subtle"
                        size="xs"
                        aria-label={t('users.setPasswordOf', { name: user.name })}
                        onClick={() => setSettingPassword(user)}
                      >
                        {t('users.setPassword')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <SetPasswordDialog
        user={settingPassword}
        onClose={() => setSettingPassword(null)}
        onSaved={() => {
          setSettingPassword(null);
        }}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.new')} centered>
        {creating ? <NewUserForm onDone={() => setCreating(false)} /> : null}
      </Modal>
    </Stack>
  );
}
