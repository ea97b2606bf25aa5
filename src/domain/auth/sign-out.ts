// signing out ends the session the cookie names.
import { deleteSession, logAuthEvent } from '../../db/auth.ts';
import type { Db } from '../../db/schema.ts';

/** Ends the session and logs the sign-out (with the user when the session was still valid). */
export async function signOut({
  db,
  sessionTokenHash,
  user,
  ip,
}: {
  db: Db;
  sessionTokenHash: string;
  user: { id: number; email: string } | null;
  ip: string;
}): Promise<void> {
  await deleteSession(db, sessionTokenHash);
  await logAuthEvent(db, { kind: 'logout', userId: user?.id ?? null, email: user?.email ?? null, ip });
}
