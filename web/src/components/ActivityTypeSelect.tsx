import { Select, type SelectProps } from '@mantine/core';
import { useSetupList } from '../api/queries';
import type { SetupEntry } from '../api/types';
import { useActivityTypeLabel } from '../hooks/use-activity-type-label';

/** A select over the activity types, valued by their `key` (T-1). */
export function ActivityTypeSelect({ value, ...rest }: Omit<SelectProps, 'data'>) {
  const types = useSetupList('activity-types');
  const label = useActivityTypeLabel();
  const data = (types.data ?? [])
    .filter((type): type is SetupEntry & { key: string } => Boolean(type.key) && (type.active || type.key === value))
    .map((type) => ({ value: type.key, label: label(type.key) }));
  return <Select {...rest} value={value ?? null} data={data} disabled={rest.disabled || types.isPending} />;
}
