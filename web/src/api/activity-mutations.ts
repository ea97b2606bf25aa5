// The writes on activities outside the record editor, each with what it leaves stale in the cache.
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from './client';
import { opportunityChanged } from './opportunity-cache';
import { keys } from './query-keys';
import type { Activity, Opportunity } from './types';

/** Marks an activity done or not from a list; `list` is the list it is shown in, which reads again. */
export function useSetActivityDone(list: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activity, done }: { activity: Activity; done: boolean }) =>
      api.patch(`/api/activities/${activity.id}`, { done, version: activity.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: list });
      void queryClient.invalidateQueries({ queryKey: keys.activities.all });
    },
  });
}

/** T-4: an opportunity from a call, with its company, contact and text; the call is linked to it. */
export function useOpportunityFromActivity(activityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Opportunity>(`/api/activities/${activityId}/opportunity`),
    onSuccess: (created) => {
      opportunityChanged(queryClient, created);
      void queryClient.invalidateQueries({ queryKey: keys.activities.all });
    },
  });
}
