import { useState, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, notifyError } from '../api/errors';

/** Save (and, for existing records, delete with confirmation) under a form. */
export function FormActions(props: {
  saving: boolean;
  isNew: boolean;
  onDelete?: () => Promise<void>;
  disabled?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  async function confirmDelete(onDelete: () => Promise<void>) {
    setDeleting(true);
    try {
      await onDelete();
    } finally {
      setDeleting(false);
      setConfirming(false);
    }
  }
  const { onDelete } = props;
  return (
    <Group justify="space-between" mt="md">
      <Group>
        <Button type="submit" loading={props.saving} disabled={props.disabled}>
          {props.isNew ? t('common.create') : t('common.save')}
        </Button>
        {props.extra}
      </Group>
      {!props.isNew && onDelete ? (
        <>
          <Button variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={props.disabled}>
            {t('common.delete')}
          </Button>
          <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('common.confirmDeleteTitle')} centered>
            <Text mb="md">{t('common.confirmDelete')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={deleting}
                onClick={() => {
                  void confirmDelete(onDelete).catch((error: unknown) => notifyError(error, t));
                }}
              >
                {t('common.delete')}
              </Button>
            </Group>
          </Modal>
        </>
      ) : null}
    </Group>
  );
}

/** What a record page shows while its record loads or when it cannot be read. */
export function RecordState({ loading, error }: { loading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (loading) {
    return (
      <Center p="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert color="red" title={t('errors.title')}>
        {errorMessage(error, t)}
      </Alert>
    );
  }
  return null;
}

/** Form values keep empty text as '' (what inputs hold); the API wants null. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function numberOrNull(value: number | string | null): number | null {
  if (value === '' || value === null) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Parses the record-id route parameter; `null` for "new". */
export function parseId(param: string | undefined): number | null {
  if (!param) return null;
  const id = Number(param);
  return Number.isInteger(id) && id > 0 ? id : null;
}
