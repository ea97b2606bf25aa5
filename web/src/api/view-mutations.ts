// The writes on saved views (L-4); each reads the list's views again, done or refused.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './query-keys';
import type { ListResourceName, SavedView } from './types';

type ViewBody = { name: string; shared: boolean };

/** A new view of the list's filters, sort and columns, or a new name and sharing of an existing one. */
export function useSaveView(resource: ListResourceName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      existing,
      body,
      query,
      columns,
    }: {
      existing: SavedView | null;
      body: ViewBody;
      query: Record<string, string>;
      columns: string[];
    }) =>
      existing
        ? api.patch<SavedView>(`/api/views/${existing.id}`, { ...body, version: existing.version })
        : api.post<SavedView>('/api/views', { ...body, resource, query, columns }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.views.of(resource) }),
  });
}

/** Puts the list's filters, sort and columns now into an existing view. */
export function useUpdateViewQuery(resource: ListResourceName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ view, query, columns }: { view: SavedView; query: Record<string, string>; columns: string[] }) =>
      api.patch<SavedView>(`/api/views/${view.id}`, { query, columns, version: view.version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.views.of(resource) }),
  });
}

/** Deletes one of the user's own views. */
export function useDeleteView(resource: ListResourceName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api.delete(`/api/views/${view.id}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.views.of(resource) }),
  });
}
