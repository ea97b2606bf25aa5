// The writes of the setup pages (users, lists, sales processes, settings, competitors), each with
// what it leaves stale in the cache.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import { keys } from './query-keys';
import type { Page, SalesProcess, Settings, SetupEntry, SetupListName, User } from './types';

type Body = Record<string, unknown>;

/** a new user. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post('/api/users', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.users.all }),
  });
}

/** a user's role, active flag … based on the version shown; the users read again either way. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, change }: { user: User; change: Partial<User> }) =>
      api.patch(`/api/users/${user.id}`, { ...change, version: user.version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keys.users.all }),
  });
}

/** an admin sets a user's password; the answer says how many API tokens were revoked. */
export function useSetUserPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, password }: { user: User; password: string }) =>
      api.patch<User & { revokedTokens?: number }>(`/api/users/${user.id}`, { password, version: user.version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.users.all }),
  });
}

/** C-5: renames or deactivates a list entry; the answer's version is the one the next change is based on (O-25). */
export function useUpdateSetupEntry(list: SetupListName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, change }: { entry: SetupEntry; change: Partial<SetupEntry> }) =>
      api.patch<SetupEntry>(`/api/setup/${list}/${entry.id}`, { ...change, version: entry.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData<Page<SetupEntry>>(
        keys.setupLists.admin(list),
        (page) => page && { ...page, items: page.items.map((e) => (e.id === saved.id ? saved : e)) },
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: keys.setupLists.entries(list) });
      void queryClient.invalidateQueries({ queryKey: keys.setupLists.admin(list) });
    },
  });
}

/** C-5: a new entry in a setup list. */
export function useAddSetupEntry(list: SetupListName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post(`/api/setup/${list}`, { name }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.setupLists.entries(list) });
      void queryClient.invalidateQueries({ queryKey: keys.setupLists.admin(list) });
    },
  });
}

export type StageInput = { id?: number; name: string; probability: number };
export type ProcessChange =
  | { kind: 'create'; name: string; stages: StageInput[] }
  | { kind: 'update'; process: SalesProcess; change: { name?: string; isDefault?: boolean; active?: boolean } }
  | { kind: 'stages'; process: SalesProcess; stages: StageInput[] };

function sendProcessChange(change: ProcessChange): Promise<unknown> {
  switch (change.kind) {
    case 'create':
      return api.post('/api/sales-processes', { name: change.name, stages: change.stages });
    case 'update':
      return api.patch(`/api/sales-processes/${change.process.id}`, { ...change.change, version: change.process.version });
    case 'stages':
      return api.put(`/api/sales-processes/${change.process.id}/stages`, { stages: change.stages, version: change.process.version });
  }
}

/** O-5, O-6: creates a sales process or changes its name, default, active flag or stages. */
export function useChangeSalesProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendProcessChange,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.salesProcesses.all });
      void queryClient.invalidateQueries({ queryKey: keys.opportunities.board });
    },
    // after "changed by someone else" (O-25) show the process as it is now
    onError: () => void queryClient.invalidateQueries({ queryKey: keys.salesProcesses.all }),
  });
}

/** The instance settings; stagnation and visibility change what lists and the board show. */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.patch<Settings>('/api/settings', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings.all, saved);
      void queryClient.invalidateQueries({ queryKey: keys.opportunities.all });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.isVersionConflict)) return;
      if (error.current) queryClient.setQueryData(keys.settings.all, error.current);
      else void queryClient.invalidateQueries({ queryKey: keys.settings.all });
    },
  });
}

/** O-15: a competitor of the global list, new or changed (based on `version`). */
export function useSaveCompetitor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: number | null; version?: number; body: Body }) =>
      id === null ? api.post('/api/competitors', body) : api.patch(`/api/competitors/${id}`, { ...body, version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.competitors.all }),
    // after "changed by someone else" (O-25) the list shows the competitor as it is now
    onError: (error) => {
      if (error instanceof ApiError && error.isVersionConflict) void queryClient.invalidateQueries({ queryKey: keys.competitors.all });
    },
  });
}
