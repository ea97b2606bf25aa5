import { Suspense } from 'react';
import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session';
import { PageLoader } from '../../components/PageLoader';

export const SETUP_SECTIONS = ['processes', 'lists', 'competitors', 'users', 'settings', 'deleted', 'backup'] as const;

/** U-7: the admin's setup pages, one tab each; the API refuses non-admins too (N-5). */
export function SetupLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const current = SETUP_SECTIONS.find((section) => location.pathname.startsWith(`/setup/${section}`)) ?? 'processes';
  if (user.role !== 'admin') {
    return (
      <Alert color="red" title={t('errors.title')}>
        {t('errors.forbidden')}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Title order={2}>{t('setupPages.title')}</Title>
      <Tabs
        value={current}
        onChange={(next) => {
          if (next) void navigate(`/setup/${next}`);
        }}
      >
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {SETUP_SECTIONS.map((section) => (
            <Tabs.Tab key={section} value={section} style={{ flexShrink: 0 }}>
              {t(`setupPages.${section}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<PageLoader />}>
        <Outlet />
      </Suspense>
    </Stack>
  );
}
