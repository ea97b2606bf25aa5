import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useSession } from './api/session';
import { DAYJS_LOCALES, useLanguage } from './i18n';
import { errorMessage } from './api/errors';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageLoader';
import { SignInPage } from './pages/SignInPage';

/** A page loaded when its route is first shown, so the first load carries only the page it opens. */
function lazyPage<Module extends Record<Name, ComponentType>, Name extends string>(load: () => Promise<Module>, name: Name) {
  return lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
}

const SetupPage = lazy(async () => ({ default: (await import('./pages/SetupPage')).SetupPage }));
const OpportunitiesPage = lazyPage(() => import('./pages/OpportunitiesPage'), 'OpportunitiesPage');
const OpportunityPage = lazyPage(() => import('./pages/OpportunityPage'), 'OpportunityPage');
const CompaniesPage = lazyPage(() => import('./pages/CompaniesPage'), 'CompaniesPage');
const CompanyPage = lazyPage(() => import('./pages/CompanyPage'), 'CompanyPage');
const ContactsPage = lazyPage(() => import('./pages/ContactsPage'), 'ContactsPage');
const ContactPage = lazyPage(() => import('./pages/ContactPage'), 'ContactPage');
const ActivitiesPage = lazyPage(() => import('./pages/ActivitiesPage'), 'ActivitiesPage');
const ActivityPage = lazyPage(() => import('./pages/ActivityPage'), 'ActivityPage');
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage'), 'NotFoundPage');
const BoardPage = lazyPage(() => import('./pages/BoardPage'), 'BoardPage');
const MyDayPage = lazyPage(() => import('./pages/MyDayPage'), 'MyDayPage');
const ImportPage = lazyPage(() => import('./pages/ImportPage'), 'ImportPage');
const ProspectEntryPage = lazyPage(() => import('./pages/ProspectEntryPage'), 'ProspectEntryPage');
const SetupLayout = lazyPage(() => import('./pages/setup/SetupLayout'), 'SetupLayout');
const ProcessesSetup = lazyPage(() => import('./pages/setup/ProcessesSetup'), 'ProcessesSetup');
const ListsSetup = lazyPage(() => import('./pages/setup/ListsSetup'), 'ListsSetup');
const CompetitorsSetup = lazyPage(() => import('./pages/setup/CompetitorsSetup'), 'CompetitorsSetup');
const UsersSetup = lazyPage(() => import('./pages/setup/UsersSetup'), 'UsersSetup');
const SettingsSetup = lazyPage(() => import('./pages/setup/SettingsSetup'), 'SettingsSetup');
const DeletedSetup = lazyPage(() => import('./pages/setup/DeletedSetup'), 'DeletedSetup');
const BackupSetup = lazyPage(() => import('./pages/setup/BackupSetup'), 'BackupSetup');

export function App() {
  const { state, retry } = useSession();
  const { t } = useTranslation();
  const language = useLanguage();

  let content;
  if (state.status === 'loading') {
    content = (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  } else if (state.status === 'failed') {
    content = (
      <Center h="100vh" p="md">
        <Stack align="center">
          <Alert color="red" title={t('errors.title')}>
            {errorMessage(state.error, t)}
          </Alert>
          <Button onClick={retry}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  } else if (state.status === 'setup') {
    content = (
      <Suspense fallback={<PageLoader />}>
        <SetupPage instance={state.instance} />
      </Suspense>
    );
  } else if (state.status === 'signedOut') {
    content = <SignInPage instance={state.instance} />;
  } else {
    content = (
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<MyDayPage />} />
          <Route path="board" element={<BoardPage />} />
          <Route path="opportunities" element={<OpportunitiesPage />} />
          <Route path="opportunities/new" element={<OpportunityPage />} />
          <Route path="opportunities/:id" element={<OpportunityPage />} />
          <Route path="companies" element={<CompaniesPage />} />
          <Route path="companies/new" element={<CompanyPage />} />
          <Route path="companies/quick-entry" element={<ProspectEntryPage />} />
          <Route path="companies/:id" element={<CompanyPage />} />
          <Route path="contacts" element={<ContactsPage />} />
          <Route path="contacts/new" element={<ContactPage />} />
          <Route path="contacts/:id" element={<ContactPage />} />
          <Route path="activities" element={<ActivitiesPage />} />
          <Route path="activities/new" element={<ActivityPage />} />
          <Route path="activities/:id" element={<ActivityPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="setup" element={<SetupLayout />}>
            <Route index element={<Navigate to="/setup/processes" replace />} />
            <Route path="processes" element={<ProcessesSetup />} />
            <Route path="lists" element={<ListsSetup />} />
            <Route path="competitors" element={<CompetitorsSetup />} />
            <Route path="users" element={<UsersSetup />} />
            <Route path="settings" element={<SettingsSetup />} />
            <Route path="deleted" element={<DeletedSetup />} />
            <Route path="backup" element={<BackupSetup />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    );
  }

  return <DatesProvider settings={{ locale: DAYJS_LOCALES[language], firstDayOfWeek: 1 }}>{content}</DatesProvider>;
}
