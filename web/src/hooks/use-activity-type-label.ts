import { useTranslation } from 'react-i18next';
import { useSetupList } from '../api/queries';

/** The name of an activity type in the UI language; admin-added types keep their own name. */
export function useActivityTypeLabel() {
  const { t } = useTranslation();
  const types = useSetupList('activity-types');
  return (key: string) => {
    const entry = types.data?.find((type) => type.key === key);
    return t(`activityType.${key}`, { defaultValue: entry?.name ?? key });
  };
}
