import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../api/session';

/** The way into the import wizard (L-7) for one list; imports are for managers and admins. */
export function ImportButton({ type }: { type: 'companies' | 'contacts' | 'opportunities' }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (user.role === 'seller') return null;
  return (
    <Button component={Link} to={`/import?type=${type}`} variant="default">
      {t('import.button')}
    </Button>
  );
}
