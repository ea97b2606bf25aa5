// The writes on the user's calendar subscription (L-8); each reads its status again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './query-keys';

/** Makes (or replaces) the secret address; the answer is the only time it is shown. */
export function useMakeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ url: string | null; path: string }>('/api/calendar-feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.calendarFeed.all }),
  });
}

/** Turns the subscription off: the old address stops working. */
export function useTurnOffCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/calendar-feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.calendarFeed.all }),
  });
}
