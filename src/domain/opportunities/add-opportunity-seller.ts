import type { Db } from '../../db/schema.ts';
import { findUser } from '../../db/users.ts';
import type { Actor } from '../auth/permissions.ts';
import { invalid } from '../errors.ts';
import { addSeller } from './commission.ts';
import { changeSellers, type SellerList } from './seller-list.ts';

/** O-18: adds an active user as seller; with a share the others split the rest, without one all split evenly. */
export function addOpportunitySeller(options: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  userId: number;
  share?: number | undefined;
}): Promise<SellerList> {
  return changeSellers(options, async (sellers) => {
    const user = await findUser(options.db, options.userId);
    if (!user) throw invalid('userId', 'does not exist');
    if (!user.active) throw invalid('userId', 'is deactivated');
    return addSeller(sellers, options.userId, options.share);
  });
}
