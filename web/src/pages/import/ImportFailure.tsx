import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/errors';

/** Why the last request failed, with the fields the server named. */
export function ImportFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('errors.title')}>
      {error instanceof ApiError && error.code === 'FILE_ENCODING' ? t('import.encodingRefused') : errorMessage(error, t)}
      {error instanceof ApiError && Object.keys(error.fields).length ? (
        <Text size="sm" mt={4}>
          {Object.entries(error.fields)
            .map(([field, message]) => `${field}: ${message}`)
            .join('; ')}
        </Text>
      ) : null}
    </Alert>
  );
}
