import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** I-3, N-3: an admin downloads a backup of the running instance (GET /api/backup, the same file as `trakt backup`). */
export function BackupSetup() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" maw={640}>
      <Stack>
        <Text>{t('backup.explain')}</Text>
        {/* a plain link: the browser streams the file to disk and names it from the answer */}
        <Button component="a" href="/api/backup" download w="fit-content">
          {t('backup.download')}
        </Button>
        <Text c="dimmed" size="sm">
          {t('backup.restore')}
        </Text>
      </Stack>
    </Paper>
  );
}
