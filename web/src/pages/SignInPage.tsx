import { useState } from 'react';
import { Alert, Button, Container, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { errorMessage } from '../api/errors';
import { useSession } from '../api/session';
import { LANGUAGES, type Instance, type SessionAnswer } from '../api/types';
import { changeLanguage, useLanguage } from '../i18n';
import { toLanguage } from '../i18n/format';

type Values = { email: string; password: string };

export function SignInPage({ instance }: { instance: Instance }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const language = useLanguage();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('validation.required')),
      password: (value) => (value ? null : t('validation.required')),
    },
  });

  async function submit(values: Values) {
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api.post<SessionAnswer>('/api/auth/login', { email: values.email.trim(), password: values.password });
      await signedIn(answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setFailure(t('signIn.invalid'));
      else if (error instanceof ApiError && error.status === 429) {
        setFailure(error.fields.retryAfter ? t('signIn.tooManyWait', { seconds: error.fields.retryAfter }) : t('signIn.tooMany'));
      } else setFailure(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py="xl">
      <Title order={1} ta="center">
        Trakt
      </Title>
      {instance.companyName && instance.companyName !== 'Trakt' ? (
        <Text c="dimmed" ta="center" mb="lg">
          {instance.companyName}
        </Text>
      ) : null}
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack>
            <Title order={2} size="h3">
              {t('signIn.title')}
            </Title>
            {failure ? (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            ) : null}
            <TextInput label={t('signIn.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
            <Select
              label={t('user.language')}
              data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
              value={language}
              onChange={(value) => value && void changeLanguage(toLanguage(value))}
              allowDeselect={false}
              size="xs"
            />
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
