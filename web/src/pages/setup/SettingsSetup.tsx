import { useEffect } from 'react';
import { Button, NumberInput, Paper, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { notifySaved, showFormError } from '../../api/errors';
import { useSettings } from '../../api/queries';
import { useSaveSettings } from '../../api/setup-mutations';
import { RecordState } from '../../components/FormParts';

type Values = { companyName: string; stagnationDays: number | string; sellersSeeOnlyOwn: boolean };

/** Instance settings: company name, stagnation days (O-22), sellers see only their own. */
export function SettingsSetup() {
  const { t } = useTranslation();
  const settings = useSettings();
  const saveSettings = useSaveSettings();
  const form = useForm<Values>({
    initialValues: { companyName: '', stagnationDays: 30, sellersSeeOnlyOwn: false },
    validate: {
      companyName: (value) => (value.trim() ? null : t('validation.required')),
      stagnationDays: (value) => (Number(value) >= 1 && Number(value) <= 3650 ? null : t('settings.daysRange')),
    },
  });
  // both are stable across renders (useCallback in @mantine/form)
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (settings.data) {
      const values = {
        companyName: settings.data.companyName,
        stagnationDays: settings.data.stagnationDays,
        sellersSeeOnlyOwn: settings.data.sellersSeeOnlyOwn,
      };
      setValues(values);
      resetDirty(values);
    }
  }, [settings.data, setValues, resetDirty]);

  if (!settings.data) return <RecordState loading={settings.isPending} error={settings.error} />;

  async function save(values: Values) {
    try {
      await saveSettings.mutateAsync({
        companyName: values.companyName.trim(),
        stagnationDays: Number(values.stagnationDays),
        sellersSeeOnlyOwn: values.sellersSeeOnlyOwn,
        version: settings.data?.version,
      });
      notifySaved(t);
    } catch (error) {
      // O-25: someone else saved first: useSaveSettings puts the settings as they are now in the
      // cache, and the form is filled with them
      showFormError(form, error, t);
    }
  }

  return (
    <Paper withBorder p="md" maw={560}>
      <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
        <Stack>
          <TextInput label={t('setup.companyName')} required {...form.getInputProps('companyName')} />
          <NumberInput
            label={t('settings.stagnationDays')}
            description={t('settings.stagnationHint')}
            min={1}
            max={3650}
            allowDecimal={false}
            {...form.getInputProps('stagnationDays')}
          />
          <Switch
            label={t('settings.sellersSeeOnlyOwn')}
            description={t('settings.sellersSeeOnlyOwnHint')}
            {...form.getInputProps('sellersSeeOnlyOwn', { type: 'checkbox' })}
          />
          <Button type="submit" loading={saveSettings.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
