// The commission sellers of one opportunity (SPEC O-16 … O-20) as the API answers them, and the one
// way a change to them is written. The split itself is the pure rule in commission.ts.
import type { Db } from '../../db/schema.ts';
import { listSellers, replaceSellers, type SellerRow } from '../../db/sellers.ts';
import type { Actor } from '../auth/permissions.ts';
import { canChangeOwnerAndSellers } from '../auth/policy.ts';
import { AppError } from '../errors.ts';
import { summarize, type Seller, type SplitResult } from './commission.ts';
import { changeOpportunityPart, visibleOpportunity } from './opportunity-parts.ts';

// The seller list has no version of its own: the opportunity's version guards it, since the shares
// are split over the whole list and the owner follows it (O-17); a change moves the opportunity on.
export type SellerList = { sellers: SellerRow[]; sum: number; warning: string | null; version: number };

/** The sellers of an opportunity the actor may see, with the sum and a warning when it is not 100 %. */
export async function opportunitySellers({
  db,
  actor,
  opportunityId,
  sellersSeeOnlyOwn,
}: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  sellersSeeOnlyOwn: boolean;
}): Promise<SellerList> {
  const opportunity = await visibleOpportunity(db, actor, opportunityId, { sellersSeeOnlyOwn });
  const sellers = await listSellers(db, opportunityId);
  const { sum, warning } = summarize(sellers);
  return { sellers, sum, warning, version: opportunity.version };
}

/** Applies one pure rule to the seller list and writes the result (see changeOpportunityPart). */
export function changeSellers(
  options: { db: Db; actor: Actor; opportunityId: number; version?: number | undefined },
  rule: (sellers: Seller[]) => SplitResult | Promise<SplitResult>,
): Promise<SellerList> {
  const { db, actor, opportunityId } = options;
  const currentPart = async (current: { version: number }): Promise<SellerList> => {
    const sellers = await listSellers(db, opportunityId);
    const { sum, warning } = summarize(sellers);
    return { sellers, sum, warning, version: current.version };
  };
  return changeOpportunityPart({ ...options, currentPart }, async (current) => {
    if (!canChangeOwnerAndSellers(actor, current)) {
      throw new AppError('FORBIDDEN', 'Only the owner, a manager or an admin can change who sells on this opportunity');
    }
    const result = await rule(await listSellers(db, opportunityId));
    await replaceSellers(db, opportunityId, result.sellers);
    // changeOpportunityPart moves the locked opportunity from this version to the next
    return { sellers: await listSellers(db, opportunityId), sum: result.sum, warning: result.warning, version: current.version + 1 };
  });
}
