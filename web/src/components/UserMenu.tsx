import { useState } from 'react';
import { Avatar, Group, Menu, Text, UnstyledButton, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { useCurrentUser, useSession } from '../api/session';
import { notifyError } from '../api/errors';
import { LANGUAGES, type Language, type SessionAnswer, type User } from '../api/types';
import { changeLanguage, useLanguage } from '../i18n';
import { CalendarFeedDialog } from './CalendarFeedDialog';
import { ChangePasswordDialog } from './PasswordDialogs';

/** The signed-in user's menu: language (saved on the user), light/dark theme, calendar feed, password, sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { setUser, signOut } = useSession();
  const language = useLanguage();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  async function switchLanguage(next: Language) {
    if (next === language) return;
    await changeLanguage(next);
    const save = (version: number) => api.patch<User>(`/api/users/${user.id}`, { language: next, version });
    try {
      setUser(await save(user.version));
    } catch (error) {
      if (error instanceof ApiError && error.isVersionConflict) {
        // someone (an admin) changed this user meanwhile: take the current version and try once more
        try {
          const me = await api.get<SessionAnswer>('/api/auth/me');
          setUser(await save(me.user.version));
          return;
        } catch (again) {
          notifyError(again, t);
          return;
        }
      }
      notifyError(error, t);
    }
  }

  return (
    <>
      <Menu position="bottom-end" width={230} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('user.menu')}>
            <Group gap="xs" wrap="nowrap">
              <Avatar radius="xl" size="sm" color="indigo">
                {user.initials}
              </Avatar>
              <Text size="sm" visibleFrom="sm">
                {user.name}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('user.language')}</Menu.Label>
          {LANGUAGES.map((code) => (
            <Menu.Item
              key={code}
              onClick={() => void switchLanguage(code)}
              fw={code === language ? 700 : undefined}
              aria-current={code === language ? 'true' : undefined}
              lang={code}
            >
              {t(`languages.${code}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
            {t(scheme === 'dark' ? 'user.lightTheme' : 'user.darkTheme')}
          </Menu.Item>
          <Menu.Item onClick={() => setCalendarOpen(true)}>{t('calendar.menu')}</Menu.Item>
          <Menu.Item onClick={() => setPasswordOpen(true)}>{t('user.changePassword')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => void signOut()}>
            {t('user.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CalendarFeedDialog opened={calendarOpen} onClose={() => setCalendarOpen(false)} />
      <ChangePasswordDialog opened={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
