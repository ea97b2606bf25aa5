import type { Db } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { removeSeller } from './commission.ts';
import { changeSellers, type SellerList } from './seller-list.ts';

/** O-19: removes a seller; the last one left gets 100 %; the very last seller cannot be removed. */
export function removeOpportunitySeller(options: { db: Db; actor: Actor; opportunityId: number; userId: number }): Promise<SellerList> {
  return changeSellers(options, (sellers) => removeSeller(sellers, options.userId));
}
