// L-7: what each importable list provides: looking up what a batch of rows refers to, checking the
// rows (validate, resolve, match) and writing them.
import type { BulkTables } from '../../db/bulk-load.ts';
import type { CopyRows, IdReserve } from '../../db/copy-rows.ts';
import type { Db } from '../../db/schema.ts';
import type { ImportLookups } from '../../db/import-lookups.ts';
import type { ImportedClosing, NumberCounter } from '../../db/import-writes.ts';
import type { Actor } from '../auth/permissions.ts';
import { fold } from './convert.ts';
import type { Preset } from './mapping.ts';
import type { FoundCompanies, RowCheck, RowError, SourceRow } from './row-check.ts';

/** A row after reading: its errors, or the values to write and the record it updates (null = a new one). */
export type Prepared = {
  line: number;
  errors: RowError[];
  values: Record<string, unknown>;
  existingId: number | null;
  skip?: boolean;
  /** A new opportunity that arrives closed: its close, kept as closing through the API keeps it. */
  closing?: Omit<ImportedClosing, 'opportunityId'> | undefined;
};

/** What one import keeps from batch to batch. */
export type ImportRun = {
  /** The companies rows have named so far (contacts and opportunities). */
  companies: FoundCompanies;
  /** The next free account or opportunity numbers. */
  numbers: NumberCounter;
  /** COPY on the import's connection (PostgreSQL server); null on PGlite, whose socket breaks COPY. */
  copy: CopyRows | null;
  /** Ids of new opportunities written by COPY, taken ahead (during a batch's look-ups). */
  opportunityIds: IdReserve;
  /** The import transaction's now(): the created time of new records the file gives none for, the same on the COPY and the INSERT path. */
  startedAt: string;
};

/** Sends a batch's statements, on the import's one connection. */
export type WriteBatch = () => Promise<void>;

export type ImportKind<Found> = {
  /**
   * The records a batch names or may update, as they were before the import (rows of earlier batches
   * are caught as repeats in the file by `seen`), so it may run ahead of the previous batch's write.
   */
  find(options: { db: Db; rows: SourceRow[]; run: ImportRun }): Promise<Found>;
  check(options: {
    rows: SourceRow[];
    found: Found;
    check: (row: SourceRow) => RowCheck;
    /** Keys met so far in the file, with their line: a key twice in one file is an error. */
    seen: Map<string, number>;
    lookups: ImportLookups;
    baseCurrency: string;
    today: string;
    /** The CRM the file was exported from: HubSpot writes probabilities as fractions (0.2 for 20 %). */
    preset?: Preset | undefined;
  }): Prepared[];
  /**
   * Builds the statements that write a checked batch and returns the function that sends them. The
   * import builds batch N's (the CPU work: numbers, JSON) while the database still writes batch N - 1,
   * and sends them the moment that is done.
   */
  write(options: { db: Db; actor: Actor; rows: Prepared[]; today: string; run: ImportRun; lookups: ImportLookups }): Promise<WriteBatch>;
  /**
   * Rows a batch when `write` writes by COPY (on a PostgreSQL server), instead of the import's 2 000:
   * each of a batch's COPYs waits while this process is busy checking rows, so fewer COPYs wait less.
   */
  copyBatch?: number;
  /** For a large import into a smaller table: the table, and the indexes and keys set aside meanwhile. */
  bulk?: { table: string; tables: BulkTables };
};

/** Distinct non-empty values of one field across a batch. */
export const valuesOf = (rows: SourceRow[], field: string, folded = false): string[] => {
  const values = new Set<string>();
  for (const row of rows) {
    const value = row.values[field];
    if (value) values.add(folded ? fold(value) : value);
  }
  return [...values];
};
