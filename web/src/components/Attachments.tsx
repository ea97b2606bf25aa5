import { ActionIcon, Alert, Anchor, FileButton, Group, Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { useDeleteAttachment, useUploadAttachment } from '../api/attachment-mutations';
import { errorMessage, notifyError, notifySaved } from '../api/errors';
import { keys } from '../api/query-keys';
import { useLanguage } from '../i18n';
import { formatNumber } from '../i18n/format';
import { DateTimeText } from './Display';

type Attachment = {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedByInitials: string | null;
};

function size(bytes: number, language: ReturnType<typeof useLanguage>) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, language, 0)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, language, 1)} MB`;
}

/** T-5: the documents of a company, contact, opportunity or activity: upload, list, download, delete. */
export function Attachments({ resource, id }: { resource: string; id: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const uploadFile = useUploadAttachment(resource, id);
  const deleteFile = useDeleteAttachment(resource, id);
  const files = useQuery({
    queryKey: keys.resource(resource).attachments(id),
    queryFn: () => api.get<{ items: Attachment[] }>(`/api/${resource}/${id}/attachments`),
  });
  const unavailable =
    files.error instanceof ApiError && files.error.status === 404 && files.error.code === 'NOT_FOUND' && /route/i.test(files.error.message);

  async function upload(file: File | null) {
    if (!file) return;
    try {
      await uploadFile.mutateAsync(file);
      notifySaved(t, t('attachments.uploaded', { name: file.name }));
    } catch (error) {
      notifyError(error, t);
    }
  }

  async function remove(attachment: Attachment) {
    if (!window.confirm(t('attachments.confirmDelete', { name: attachment.fileName }))) return;
    try {
      await deleteFile.mutateAsync(attachment.id);
    } catch (error) {
      notifyError(error, t);
    }
  }

  const rows = files.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('attachments.title')}
        </Title>
        {unavailable ? null : (
          <FileButton onChange={(file) => void upload(file)}>
            {(props) => (
              <Button size="xs" variant="light" loading={uploadFile.isPending} {...props}>
                {t('attachments.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {unavailable ? (
        <Text size="sm" c="dimmed">
          {t('attachments.unavailable')}
        </Text>
      ) : files.error ? (
        <Alert color="red">{errorMessage(files.error, t)}</Alert>
      ) : files.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('attachments.title')} verticalSpacing="xs">
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor href={`/api/attachments/${a.id}`} download={a.fileName}>
                      {a.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{size(a.sizeBytes, language)}</Table.Td>
                  <Table.Td>
                    <DateTimeText timestamp={a.uploadedAt} /> {a.uploadedByInitials}
                  </Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('attachments.delete', { name: a.fileName })}
                      onClick={() => void remove(a)}
                    >
                      <span aria-hidden="true">✕</span>
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <VisuallyHidden aria-live="polite">{uploadFile.isPending ? t('common.loading') : ''}</VisuallyHidden>
    </Paper>
  );
}
