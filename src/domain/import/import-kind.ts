// L-7: what each importable list provides: reading a batch of rows (validate, resolve, match) and writing it.
import type { Db } from '../../db/schema.ts';
import type { ImportLookups } from '../../db/import-lookups.ts';
import type { Actor } from '../auth/permissions.ts';
import type { RowCheck, RowError, SourceRow } from './row-check.ts';

/** A row after reading: its errors, or the values to write and the record it updates (null = a new one). */
export type Prepared = { line: number; errors: RowError[]; values: Record<string, unknown>; existingId: number | null; skip?: boolean };

export type ImportKind = {
  prepare(options: {
    db: Db;
    rows: SourceRow[];
    check: (row: SourceRow) => RowCheck;
    /** Keys met so far in the file, with their line: a key twice in one file is an error. */
    seen: Map<string, number>;
    lookups: ImportLookups;
    baseCurrency: string;
    today: string;
  }): Promise<Prepared[]>;
  write(options: { db: Db; actor: Actor; rows: Prepared[]; today: string }): Promise<void>;
};
