import type { Db } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { changeShare } from './commission.ts';
import { changeSellers, type SellerList } from './seller-list.ts';

/** O-20: changes one seller's share and no other; the answer warns when the sum is not 100. */
export function changeSellerShare(options: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  userId: number;
  share: number;
  version: number;
}): Promise<SellerList> {
  return changeSellers(options, (sellers) => changeShare(sellers, options.userId, options.share));
}
