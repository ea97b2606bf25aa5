import { Navigate, Route, Routes } from 'react-router';
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useSession } from './api/session';
import { DAYJS_LOCALES, useLanguage } from './i18n';
import { errorMessage } from './api/errors';
import { AppLayout } from './components/AppLayout';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { OpportunitiesPage } from './pages/OpportunitiesPage';
import { OpportunityPage } from './pages/OpportunityPage';
import { CompaniesPage } from './pages/CompaniesPage';
import { CompanyPage } from './pages/CompanyPage';
import { ContactsPage } from './pages/ContactsPage';
import { ContactPage } from './pages/ContactPage';
import { ActivitiesPage } from './pages/ActivitiesPage';
import { ActivityPage } from './pages/ActivityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { BoardPage } from './pages/BoardPage';
import { MyDayPage } from './pages/MyDayPage';
import { ImportPage } from './pages/ImportPage';
import { ProspectEntryPage } from './pages/ProspectEntryPage';
import { SetupLayout } from './pages/setup/SetupLayout';
import { ProcessesSetup } from './pages/setup/ProcessesSetup';
import { ListsSetup } from './pages/setup/ListsSetup';
import { CompetitorsSetup } from './pages/setup/CompetitorsSetup';
import { UsersSetup } from './pages/setup/UsersSetup';
import { SettingsSetup } from './pages/setup/SettingsSetup';
import { DeletedSetup } from './pages/setup/DeletedSetup';
import { BackupSetup } from './pages/setup/BackupSetup';

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
    content = <SetupPage instance={state.instance} />;
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

  return (
    <DatesProvider settings={{ locale: DAYJS_LOCALES[language], firstDayOfWeek: 1 }}>{content}</DatesProvider>
  );
}
