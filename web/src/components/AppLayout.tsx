import { Suspense } from 'react';
import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useInstance } from '../api/session';
import { PageLoader } from './PageLoader';
import { UserMenu } from './UserMenu';

const SECTIONS = [
  { path: '/board', label: 'nav.board' },
  { path: '/', label: 'nav.myDay' },
  { path: '/opportunities', label: 'nav.opportunities' },
  { path: '/companies', label: 'nav.companies' },
  { path: '/contacts', label: 'nav.contacts' },
  { path: '/activities', label: 'nav.activities' },
] as const;

/** The frame around every signed-in page: header, navigation (a burger on phones) and content. */
export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const instance = useInstance();
  const user = useCurrentUser();
  const sections = user.role === 'admin' ? [...SECTIONS, { path: '/setup', label: 'nav.setup' } as const] : SECTIONS;
  const isActive = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t(opened ? 'nav.close' : 'nav.open')} />
            <Title order={3}>Trakt</Title>
            {instance?.companyName ? (
              <Text c="dimmed" size="sm" visibleFrom="xs" truncate>
                {instance.companyName}
              </Text>
            ) : null}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {sections.map((section) => (
          <NavLink
            key={section.path}
            component={RouterNavLink}
            to={section.path}
            label={t(section.label)}
            active={isActive(section.path)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
