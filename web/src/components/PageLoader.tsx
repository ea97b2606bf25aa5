import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What shows while a page's code loads (the first time its route is opened). */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih={200}>
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
