// The names an export's filter line prints for the ids in its query (domain/export/filter-words.ts).
// Table and column names come from the closed map below, never from the request.
import { sql } from 'kysely';
import type { NameSource } from '../domain/export/filter-words.ts';
import type { Db } from './schema.ts';

const NAME_OF: Record<NameSource, { table: string; name: ReturnType<typeof sql> }> = {
  users: { table: 'users', name: sql`name` },
  companies: { table: 'companies', name: sql`name` },
  contacts: { table: 'contacts', name: sql`trim(first_name || ' ' || last_name)` },
  stages: { table: 'stages', name: sql`name` },
  salesProcesses: { table: 'sales_processes', name: sql`name` },
  campaigns: { table: 'campaigns', name: sql`name` },
  regions: { table: 'regions', name: sql`name` },
  departments: { table: 'departments', name: sql`name` },
  opportunityTypes: { table: 'opportunity_types', name: sql`name` },
  sources: { table: 'sources', name: sql`name` },
  industries: { table: 'industries', name: sql`name` },
  targetGroups: { table: 'target_groups', name: sql`name` },
  interestTypes: { table: 'interest_types', name: sql`name` },
};

/** id → name of the records of `source` among `ids` (missing ids are left out). */
export async function namesOf(db: Db, source: NameSource, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const { table, name } = NAME_OF[source];
  const { rows } = await sql<{
    id: number;
    name: string;
  }>`SELECT id, ${name} AS name FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(db);
  return new Map(rows.map((row) => [row.id, row.name]));
}
