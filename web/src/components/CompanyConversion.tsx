import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useConvertCompany } from '../api/company-mutations';
import { notifySaved, showFormError } from '../api/errors';
import { keys } from '../api/query-keys';
import type { Company, CompanyDuplicate } from '../api/types';
import { useForm } from '@mantine/form';
import { SetupSelect } from './SetupSelect';

type Role = 'customer' | 'supplier';

/** C-3: "Convert to customer" / "Convert to supplier", each once, after a confirmation. */
export function ConvertButtons({ company }: { company: Company }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role | null>(null);
  return (
    <>
      <Group gap="xs">
        {company.customerNumber ? null : (
          <Button variant="light" color="green" onClick={() => setRole('customer')}>
            {t('convert.toCustomer')}
          </Button>
        )}
        {company.supplierNumber ? null : (
          <Button variant="light" onClick={() => setRole('supplier')}>
            {t('convert.toSupplier')}
          </Button>
        )}
      </Group>
      <Modal opened={role !== null} onClose={() => setRole(null)} title={role ? t(`convert.title.${role}`) : ''} centered>
        {role ? <ConvertForm company={company} role={role} onDone={() => setRole(null)} /> : null}
      </Modal>
    </>
  );
}

function ConvertForm({ company, role, onDone }: { company: Company; role: Role; onDone: () => void }) {
  const { t } = useTranslation();
  const convert = useConvertCompany(company);
  const form = useForm<{ customerProfileId: number | null; number: string }>({
    initialValues: { customerProfileId: company.customerProfileId, number: '' },
  });

  async function submit(values: { customerProfileId: number | null; number: string }) {
    try {
      const body: Record<string, unknown> = { to: role, version: company.version };
      if (role === 'customer' && values.customerProfileId) body.customerProfileId = values.customerProfileId;
      if (values.number.trim()) body.number = values.number.trim();
      const converted = await convert.mutateAsync(body);
      notifySaved(t, t(`convert.done.${role}`, { number: role === 'customer' ? converted.customerNumber : converted.supplierNumber }));
      onDone();
    } catch (error) {
      showFormError(form, error, t, {
        // the company as it is now is read again by useConvertCompany
        onConflict: () => onDone(),
      });
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack>
        <Text size="sm">{t(`convert.explain.${role}`, { name: company.name })}</Text>
        {role === 'customer' ? (
          <SetupSelect list="customer-profiles" label={t('company.customerProfile')} {...form.getInputProps('customerProfileId')} />
        ) : null}
        <TextInput
          label={role === 'customer' ? t('company.customerNumber') : t('company.supplierNumber')}
          description={t('convert.numberHint')}
          inputMode="numeric"
          {...form.getInputProps('number')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={convert.isPending}>
            {t(`convert.confirm.${role}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Probe = { name: string; orgNumber: string; email: string; phone: string };

/** C-6: existing companies that look like the one being typed, with links to them. */
export function DuplicateWarning({ probe, excludeId }: { probe: Probe; excludeId?: number }) {
  const [debounced] = useDebouncedValue(probe, 400);
  const params = {
    name: debounced.name.trim().length >= 3 ? debounced.name.trim() : undefined,
    orgNumber: debounced.orgNumber.trim() || undefined,
    email: debounced.email.includes('@') ? debounced.email.trim() : undefined,
    phone: debounced.phone.replace(/\D/g, '').length >= 6 ? debounced.phone.trim() : undefined,
    excludeId,
  };
  const asked = Boolean(params.name || params.orgNumber || params.email || params.phone);
  const matches = useQuery({
    queryKey: keys.companies.duplicates(params),
    queryFn: () => api.get<{ items: CompanyDuplicate[] }>('/api/companies/duplicates', params),
    enabled: asked,
    placeholderData: (previous) => previous,
  });
  const items = asked ? (matches.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return <DuplicateList items={items} />;
}

export function DuplicateList({ items }: { items: CompanyDuplicate[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('duplicates.title')} role="status">
      <List size="sm" spacing={2}>
        {items.map((d) => (
          <List.Item key={d.id}>
            <Anchor component={Link} to={`/companies/${d.id}`} target="_blank" size="sm">
              {d.name} ({d.accountNumber})
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {t('duplicates.matchedOn')}: {d.matchedOn.map((field) => t(`duplicates.field.${field}`)).join(', ')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
