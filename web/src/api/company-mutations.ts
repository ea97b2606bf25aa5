// The writes on companies outside the record editor, each with what it leaves stale in the cache.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';
import { keys } from './query-keys';
import type { Company, CompanyDuplicate } from './types';

/** C-3: converts a company to customer or supplier, once. */
export function useConvertCompany(company: Company) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Company>(`/api/companies/${company.id}/convert`, body),
    onSuccess: (converted) => {
      queryClient.setQueryData(keys.companies.detail(company.id), converted);
      void queryClient.invalidateQueries({ queryKey: keys.companies.lists });
      void queryClient.invalidateQueries({ queryKey: keys.companies.history(company.id) });
    },
    // "changed by someone else" (O-25): show the company as it is now
    onError: (error) => {
      if (error instanceof ApiError && error.isVersionConflict)
        void queryClient.invalidateQueries({ queryKey: keys.companies.detail(company.id) });
    },
  });
}

export type Prospect = { company: Record<string, unknown>; contact: Record<string, unknown> | null };

/** U-4: a prospect from the quick entry: the company, then its primary contact when one was typed. */
export function useAddProspect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ company: body, contact }: Prospect) => {
      const company = await api.post<Company & { warnings: CompanyDuplicate[] }>('/api/companies', body);
      if (contact) await api.post('/api/contacts', { companyId: company.id, ...contact });
      return company;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.companies.lists }),
  });
}
