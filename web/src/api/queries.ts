import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Company, Page, SalesProcess, SetupEntry, SetupListName, User } from './types';

// Setup lists change rarely: keep them for a few minutes instead of refetching on every form.
const SETUP_STALE_MS = 5 * 60_000;

export function useSetupList(list: SetupListName) {
  return useQuery({
    queryKey: ['setup', list],
    queryFn: () => api.get<Page<SetupEntry>>(`/api/setup/${list}`),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

export function useSalesProcesses() {
  return useQuery({
    queryKey: ['sales-processes'],
    queryFn: () => api.get<Page<SalesProcess>>('/api/sales-processes'),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: ['users', 'active'],
    queryFn: () => api.get<Page<User>>('/api/users', { active: true, limit: 200, sort: 'name' }),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

export function useCompany(id: number | null) {
  return useQuery({
    queryKey: ['companies', id],
    queryFn: () => api.get<Company>(`/api/companies/${id}`),
    enabled: id !== null,
  });
}

export type ListParams = Record<string, string | number | boolean | undefined>;

/** One list resource paged with keyset cursors: `fetchNextPage` loads the page after `nextCursor`. */
export function useListQuery<T>(resource: string, params: ListParams, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: [resource, 'list', params, pageSize],
    queryFn: ({ pageParam }) =>
      api.get<Page<T>>(`/api/${resource}`, { ...params, limit: pageSize, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // keep showing the last rows while a new search or sort loads, instead of flashing empty
    placeholderData: keepPreviousData,
  });
}
