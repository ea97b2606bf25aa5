import { sql, type Kysely } from 'kysely';

// one row per throttled key (an account from one client address, or a client address), counted
// atomically before the password is checked, so parallel guesses cannot all slip through and every
// app instance on the same database sees the same count.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
CREATE TABLE sign_in_throttles (
  key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  last_attempt_at timestamptz NOT NULL
)`.execute(db);
  await sql`CREATE INDEX sign_in_throttles_last_attempt_idx ON sign_in_throttles (last_attempt_at)`.execute(db);
}
