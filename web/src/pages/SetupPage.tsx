import { useState } from 'react';
import { Button, Checkbox, Container, Fieldset, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { showFormError } from '../api/errors';
import { useSession } from '../api/session';
import { LANGUAGES, type Instance, type Language, type SessionAnswer } from '../api/types';
import { changeLanguage, useLanguage } from '../i18n';

const BASE_CURRENCIES = ['DKK', 'NOK', 'SEK', 'EUR'];

type Values = {
  companyName: string;
  baseCurrency: string;
  language: Language;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
  loadDemo: boolean;
};

/** First start on an empty database: the company, its currency and language, the first admin. */
export function SetupPage({ instance }: { instance: Instance }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const language = useLanguage();
  const [saving, setSaving] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      companyName: '',
      baseCurrency: BASE_CURRENCIES.includes(instance.baseCurrency) ? instance.baseCurrency : 'DKK',
      language,
      adminName: '',
      adminEmail: '',
      adminPassword: '',
      loadDemo: false,
    },
    validate: {
      companyName: (value) => (value.trim() ? null : t('validation.required')),
      adminName: (value) => (value.trim() ? null : t('validation.required')),
      adminEmail: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('validation.email')),
      adminPassword: (value) => (value ? null : t('validation.required')),
    },
  });

  async function submit(values: Values) {
    setSaving(true);
    try {
      const answer = await api.post<SessionAnswer>('/api/instance/setup', {
        companyName: values.companyName.trim(),
        baseCurrency: values.baseCurrency,
        language: values.language,
        admin: { name: values.adminName.trim(), email: values.adminEmail.trim(), password: values.adminPassword },
        loadDemo: values.loadDemo,
      });
      await signedIn(answer);
    } catch (error) {
      showFormError(form, error, t, {
        fieldMap: {
          'admin.name': 'adminName',
          'admin.email': 'adminEmail',
          'admin.password': 'adminPassword',
          name: 'adminName',
          email: 'adminEmail',
          password: 'adminPassword',
        },
      });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Container size={560} py="xl">
      <Title order={1} mb="xs">
        {t('setup.title')}
      </Title>
      <Text c="dimmed" mb="lg">
        {t('setup.intro')}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
          <Stack>
            <TextInput label={t('setup.companyName')} required {...form.getInputProps('companyName')} />
            <Select label={t('setup.baseCurrency')} data={BASE_CURRENCIES} allowDeselect={false} {...form.getInputProps('baseCurrency')} />
            <Select
              label={t('setup.language')}
              data={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
              allowDeselect={false}
              {...form.getInputProps('language')}
              onChange={(value) => {
                if (!value) return;
                const next = value as Language;
                form.setFieldValue('language', next);
                void changeLanguage(next);
              }}
            />
            <Fieldset legend={t('setup.admin')}>
              <Stack>
                <TextInput label={t('setup.adminName')} required autoComplete="name" {...form.getInputProps('adminName')} />
                <TextInput
                  label={t('setup.adminEmail')}
                  type="email"
                  required
                  autoComplete="username"
                  {...form.getInputProps('adminEmail')}
                />
                <PasswordInput
                  visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
                  label={t('setup.adminPassword')}
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('adminPassword')}
                />
              </Stack>
            </Fieldset>
            <Checkbox
              label={t('setup.loadDemo')}
              description={t('setup.loadDemoHint')}
              {...form.getInputProps('loadDemo', { type: 'checkbox' })}
            />
            <Button type="submit" loading={saving}>
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
