import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { MantineProvider, MultiSelect, NumberInput, PasswordInput, Select, TextInput, Textarea, createTheme } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import './i18n';
import { ApiError } from './api/client';
import { SessionProvider } from './api/session';
import { App } from './App';

// Mantine's own asterisk is text inside the label; styles.css draws it instead (see there)
const noAsterisk = { defaultProps: { withAsterisk: false } };
const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  components: {
    TextInput: TextInput.extend(noAsterisk),
    PasswordInput: PasswordInput.extend(noAsterisk),
    NumberInput: NumberInput.extend(noAsterisk),
    // typing in a searchable select marks the first match, so Enter picks it instead of submitting the form
    Select: Select.extend({ defaultProps: { withAsterisk: false, selectFirstOptionOnChange: true } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { withAsterisk: false, selectFirstOptionOnChange: true } }),
    Textarea: Textarea.extend(noAsterisk),
    DateInput: DateInput.extend(noAsterisk),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // a 4xx will not get better by asking again
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
