// After an opportunity changes (move, close, reopen, steps, sellers …): put the answer in the cache
// and let everything that shows it read again — the record's tabs, lists, board columns and totals.
import type { QueryClient } from '@tanstack/react-query';
import { keys } from './query-keys';
import type { Opportunity } from './types';

export function opportunityChanged(queryClient: QueryClient, opportunity: Opportunity | null, id?: number): void {
  const key = opportunity?.id ?? id;
  if (opportunity) queryClient.setQueryData(keys.opportunities.detail(opportunity.id), opportunity);
  if (key !== undefined) {
    // the tabs hang under the record's key; the record itself is already fresh
    void queryClient.invalidateQueries({
      queryKey: keys.opportunities.detail(key),
      predicate: (query) => query.queryKey.length > 2 || !opportunity,
    });
  }
  void queryClient.invalidateQueries({ queryKey: keys.opportunities.lists });
  void queryClient.invalidateQueries({ queryKey: keys.opportunities.board });
  void queryClient.invalidateQueries({ queryKey: keys.opportunities.ofCompanies });
  void queryClient.invalidateQueries({ queryKey: keys.myDay.all });
}
