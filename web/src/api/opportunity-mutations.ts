// The writes on opportunities, each with what it leaves stale in the cache. Notifications stay with
// the caller, which awaits `mutateAsync` and shows the answer or the error.
import { useMutation, useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { ApiError, api } from './client';
import { opportunityChanged } from './opportunity-cache';
import { keys } from './query-keys';
import type { BulkAnswer, Opportunity, Page, SellerList, Step, StepState } from './types';

type Body = Record<string, unknown>;
type Pages = InfiniteData<Page<Opportunity>>;

const isVersionConflict = (error: unknown) => error instanceof ApiError && error.isVersionConflict;

/** O-9, O-10: closes as won, lost or expired with the dialog's fields and `version`. */
export function useCloseOpportunity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<Opportunity>(`/api/opportunities/${id}/close`, body),
    onSuccess: (closed) => {
      opportunityChanged(queryClient, closed);
      // its follow-up tasks may have been marked done: My day, the activity lists and the calendar
      void queryClient.invalidateQueries({ queryKey: keys.activities.all });
    },
    // "changed by someone else" (O-25): show the record as it is now
    onError: (error) => {
      if (isVersionConflict(error)) opportunityChanged(queryClient, null, id);
    },
  });
}

/** O-11: reopens a closed opportunity. */
export function useReopenOpportunity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<Opportunity>(`/api/opportunities/${id}/reopen`, { version }),
    onSuccess: (reopened) => opportunityChanged(queryClient, reopened),
    onError: () => opportunityChanged(queryClient, null, id),
  });
}

/** O-13: a copy of the opportunity, answered as the new record. */
export function useCopyOpportunity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Opportunity>(`/api/opportunities/${id}/copy`),
    onSuccess: (copy) => opportunityChanged(queryClient, copy),
  });
}

/** O-14: deletes the opportunity (an admin can restore it for a while). */
export function useDeleteOpportunity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/opportunities/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.opportunities.detail(id) });
      opportunityChanged(queryClient, null);
    },
  });
}

/** O-14: brings a deleted opportunity back; resolves once the lists have read again. */
export function useRestoreOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/api/opportunities/${id}/restore`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.opportunities.all }),
  });
}

/** O-12: won, lost, open or delete for many at once; the answer says which failed and why. */
export function useBulkOpportunities() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api.post<BulkAnswer>('/api/opportunities/bulk', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.opportunities.all });
      void queryClient.invalidateQueries({ queryKey: keys.myDay.all });
    },
  });
}

export type Move = {
  opportunity: Opportunity;
  stageId: number;
  stageName: string | null;
  /** the board columns' card lists it leaves and enters */
  fromKey: QueryKey;
  toKey: QueryKey;
};

/** U-1: moves a card to another stage at once on the screen, then PATCH; put back when refused. */
export function useMoveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunity: o, stageId }: Move) =>
      api.patch<Opportunity>(`/api/opportunities/${o.id}`, { stageId, version: o.version }),
    onMutate: async ({ opportunity: o, stageId, stageName, fromKey, toKey }: Move) => {
      await Promise.all([queryClient.cancelQueries({ queryKey: fromKey }), queryClient.cancelQueries({ queryKey: toKey })]);
      const before = { from: queryClient.getQueryData<Pages>(fromKey), to: queryClient.getQueryData<Pages>(toKey) };
      const moved: Opportunity = { ...o, stageId, stageName: stageName ?? o.stageName };
      const byAmountDesc = (a: Opportunity, b: Opportunity) => (b.amount ?? -Infinity) - (a.amount ?? -Infinity);
      queryClient.setQueryData<Pages>(fromKey, (data) =>
        data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== o.id) })) } : data,
      );
      queryClient.setQueryData<Pages>(toKey, (data) => {
        if (!data || data.pages.length === 0) return data;
        const pages = data.pages.map((page, index) => (index === 0 ? { ...page, items: [...page.items, moved].sort(byAmountDesc) } : page));
        return { ...data, pages };
      });
      return before;
    },
    onSuccess: (saved, { opportunity: o, toKey }) => {
      queryClient.setQueryData(keys.opportunities.detail(o.id), saved);
      queryClient.setQueryData<Pages>(toKey, (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === o.id ? saved : item)) })) }
          : data,
      );
    },
    onError: (_error, { fromKey, toKey }, before) => {
      queryClient.setQueryData(fromKey, before?.from);
      queryClient.setQueryData(toKey, before?.to);
    },
    onSettled: (_data, _error, { opportunity: o, fromKey, toKey }) => {
      void queryClient.invalidateQueries({ queryKey: keys.opportunities.board });
      void queryClient.invalidateQueries({ queryKey: fromKey });
      void queryClient.invalidateQueries({ queryKey: toKey });
      void queryClient.invalidateQueries({ queryKey: keys.opportunities.detail(o.id) });
    },
  });
}

/** O-7: sets one step's state; the stage and probability follow the steps. */
export function useSetStepState(o: Opportunity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, state }: { stageId: number; state: StepState }) =>
      api.patch<Step[]>(`/api/opportunities/${o.id}/steps/${stageId}`, { state, version: o.version }),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.opportunities.steps(o.id, o.version), next);
      // the stage and probability follow the steps: read the record again
      opportunityChanged(queryClient, null, o.id);
    },
    // after "changed by someone else" (O-25) show the record and its steps as they are now
    onError: () => opportunityChanged(queryClient, null, o.id),
  });
}

export type SellerChange =
  | { kind: 'add'; userId: number; share: number | null }
  | { kind: 'share'; userId: number; share: number; version: number }
  | { kind: 'remove'; userId: number };

function sendSellerChange(id: number, change: SellerChange): Promise<SellerList> {
  const path = `/api/opportunities/${id}/sellers`;
  switch (change.kind) {
    case 'add':
      return api.post<SellerList>(path, change.share === null ? { userId: change.userId } : { userId: change.userId, share: change.share });
    case 'share':
      return api.patch<SellerList>(`${path}/${change.userId}`, { share: change.share, version: change.version });
    case 'remove':
      return api.delete<SellerList>(`${path}/${change.userId}`);
  }
}

/** O-16 … O-20: adds a seller, changes a share or removes a seller; the API answers the whole list. */
export function useChangeSellers(id: number) {
  const queryClient = useQueryClient();
  const detail = { queryKey: keys.opportunities.detail(id), exact: true };
  return useMutation({
    mutationFn: (change: SellerChange) => sendSellerChange(id, change),
    onSuccess: (list) => {
      queryClient.setQueryData(keys.opportunities.sellers(id), list);
      // the owner may follow the sellers (O-17)
      void queryClient.invalidateQueries(detail);
      opportunityChanged(queryClient, null);
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: keys.opportunities.sellers(id), exact: true });
      void queryClient.invalidateQueries(detail);
    },
  });
}

export type CompetitorEntryChange =
  | { kind: 'add'; body: { competitorId: number; threat: number } | { name: string; threat: number } }
  | { kind: 'threat'; entryId: number; threat: number; version: number }
  | { kind: 'remove'; entryId: number };

function sendCompetitorChange(id: number, change: CompetitorEntryChange): Promise<unknown> {
  const path = `/api/opportunities/${id}/competitors`;
  switch (change.kind) {
    case 'add':
      return api.post(path, change.body);
    case 'threat':
      return api.patch(`${path}/${change.entryId}`, { threat: change.threat, version: change.version });
    case 'remove':
      return api.delete(`${path}/${change.entryId}`);
  }
}

/** O-15: adds a competitor to the opportunity, changes its threat or removes it. */
export function useChangeCompetitorEntries(id: number) {
  const queryClient = useQueryClient();
  const entries = { queryKey: keys.opportunities.competitors(id) };
  return useMutation({
    mutationFn: (change: CompetitorEntryChange) => sendCompetitorChange(id, change),
    onSuccess: async () => {
      await queryClient.invalidateQueries(entries);
      // each change moves the opportunity's version on: the page reads it again, and the details
      // form takes the new version without losing what is typed there (record-editor.ts)
      opportunityChanged(queryClient, null, id);
    },
    // after "changed by someone else" (O-25) show the entries as they are now
    onError: () => void queryClient.invalidateQueries(entries),
  });
}
