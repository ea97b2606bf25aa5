import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { keys, type ListParams } from './query-keys';
import type { Company, Competitor, Contact, Opportunity, Page, SalesProcess, Settings, SetupEntry, SetupListName, User } from './types';

// Setup lists change rarely: keep them for a few minutes instead of refetching on every form.
const SETUP_STALE_MS = 5 * 60_000;

export function useSetupList(list: SetupListName) {
  return useQuery({
    queryKey: keys.setupLists.entries(list),
    queryFn: () => api.get<Page<SetupEntry>>(`/api/setup/${list}`),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

export function useSalesProcesses() {
  return useQuery({
    queryKey: keys.salesProcesses.all,
    queryFn: () => api.get<Page<SalesProcess>>('/api/sales-processes'),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

export function useUsers() {
  return useQuery({
    queryKey: keys.users.active,
    queryFn: () => api.get<Page<User>>('/api/users', { active: true, limit: 200, sort: 'name' }),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

export function useCompany(id: number | null) {
  return useQuery({
    queryKey: keys.companies.detail(id),
    queryFn: () => api.get<Company>(`/api/companies/${id}`),
    enabled: id !== null,
  });
}

export type { ListParams };

/**
 * One list resource paged with keyset cursors: `fetchNextPage` loads the page after `nextCursor`.
 * `firstPage` parameters go only with the first request (e.g. `summary=true`, which describes the
 * whole selection and so need not be counted again for every page).
 */
export function useListQuery<T, Extra extends object = object>(
  resource: string,
  params: ListParams,
  pageSize = 50,
  firstPage?: ListParams,
) {
  return useInfiniteQuery({
    queryKey: keys.resource(resource).list(params, pageSize, firstPage ?? null),
    queryFn: ({ pageParam }) =>
      api.get<Page<T> & Partial<Extra>>(`/api/${resource}`, {
        ...params,
        ...(pageParam ? {} : firstPage),
        limit: pageSize,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // keep showing the last rows while a new search or sort loads, instead of flashing empty
    placeholderData: keepPreviousData,
  });
}

export function useSettings() {
  return useQuery({
    queryKey: keys.settings.all,
    queryFn: () => api.get<Settings>('/api/settings'),
    staleTime: SETUP_STALE_MS,
  });
}

/** The global competitor list (O-15), for pickers and the setup page. */
export function useCompetitors() {
  return useQuery({
    queryKey: keys.competitors.all,
    queryFn: () => api.get<Page<Competitor>>('/api/competitors'),
    staleTime: SETUP_STALE_MS,
    select: (page) => page.items,
  });
}

/** One contact or opportunity, read for its name (a picker, a filter chip). */
export function useRecord(resource: 'contacts' | 'opportunities', id: number | null) {
  return useQuery({
    queryKey: keys.resource(resource).detail(id),
    queryFn: () => api.get<Contact | Opportunity>(`/api/${resource}/${id}`),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

/** Today as `YYYY-MM-DD` in the browser's time zone, `days` later when given. */
export function isoDate(days = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
