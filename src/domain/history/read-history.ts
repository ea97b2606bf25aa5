import type { Db, HistoryEntity } from '../../db/schema.ts';
import { listHistory } from '../../db/history.ts';
import type { decodeCursor } from '../../db/paging.ts';
import type { Actor } from '../auth/permissions.ts';
import { recordAccess } from '../records/access.ts';

/** O-24: a record's change history, newest first, one keyset page at a time; 404 when the actor cannot see the record. */
export async function readHistory({
  db,
  actor,
  entity,
  entityId,
  cursor,
  limit,
}: {
  db: Db;
  actor: Actor;
  entity: HistoryEntity;
  entityId: number;
  cursor: ReturnType<typeof decodeCursor>;
  limit: number;
}) {
  await recordAccess(db, actor, entity, entityId);
  return listHistory(db, { entity, entityId, cursor, limit });
}
