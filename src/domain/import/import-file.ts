// L-7: imports a CSV or XLSX file into companies, contacts or opportunities. Every row is read and
// checked (a dry run lists every error); the rows are written in batches inside ONE transaction,
// which is rolled back on a dry run or when any row has an error, so nothing is half-imported.
import { open, readFile } from 'node:fs/promises';
import type pg from 'pg';
import type { Db } from '../../db/schema.ts';
import { idReserve, oneConnection, type CopyRows } from '../../db/copy-rows.ts';
import { analyzeTables, countRowsUpTo, planKeyChecksAfresh, restoreIndexes, setIndexesAside } from '../../db/bulk-load.ts';
import { loadImportLookups, transactionTime } from '../../db/import-lookups.ts';
import { numberCounter } from '../../db/import-writes.ts';
import type { Actor } from '../auth/permissions.ts';
import { AppError, invalid } from '../errors.ts';
import { importCompanies } from './import-companies.ts';
import { importContacts } from './import-contacts.ts';
import type { ImportKind, ImportRun, Prepared, WriteBatch } from './import-kind.ts';
import { importOpportunities } from './import-opportunities.ts';
import { checkMapping, guessMapping, IMPORT_FIELDS, isImportField, type ImportResource, type Mapping, type Preset } from './mapping.ts';
import { fold } from './convert.ts';
import { isBlank, isZip, readTable, type Table } from './parse-file.ts';
import { readXlsx, type XlsxLimits } from './read-xlsx.ts';
import { noCompaniesFound, RowCheck, type RowError, type SourceRow } from './row-check.ts';

// each kind has its own look-up shape: the import only hands what a kind's find gives to that kind's check
const KINDS: Record<ImportResource, ImportKind<unknown>> = {
  companies: importCompanies,
  contacts: importContacts,
  opportunities: importOpportunities,
};
const BATCH = 2000;
const CHECK_SLICE = 250;
/** From this many rows, an import into a table holding no more rows than that sets its indexes aside (db/bulk-load.ts). */
export const BULK_FROM = 100_000;

export type ValueMapping = Record<string, Record<string, string>>;
export type ImportResult = {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  mapping: Mapping;
  dryRun: boolean;
  /** The character encoding a CSV file was read in; null for XLSX. */
  encoding: string | null;
  /** The file's columns that go to no field, so their values are not imported. */
  ignoredColumns: string[];
};

class RollBack extends Error {}

export type ImportOptions = {
  db: Db;
  actor: Actor;
  resource: ImportResource;
  /** The file, in memory or on disk (an XLSX on disk is read as its rows are taken, never whole). */
  data: Buffer | { path: string };
  /** What an XLSX may hold (the API's caps, 413 beyond them); none for the CLI's own process. */
  limits?: XlsxLimits | null | undefined;
  mapping?: Mapping | undefined;
  valueMapping?: ValueMapping | undefined;
  preset?: Preset | undefined;
  dryRun: boolean;
  baseCurrency: string;
  today: string;
  /** After each batch; `step` 'indexes' once every row is written and the set-aside indexes are being rebuilt. */
  onProgress?: (done: number, total: number, step?: 'rows' | 'indexes') => void;
  /** Rows from which a large import sets indexes aside (default BULK_FROM); tests lower it. */
  bulkFrom?: number;
  /** A PostgreSQL server's pool (not PGlite's): the import runs on a connection of its own and writes new opportunities by COPY. */
  copyPool?: pg.Pool | null | undefined;
};

/** Imports one file; `onProgress(done, total)` after each batch (total is an estimate). */
export async function importFile(options: ImportOptions): Promise<ImportResult> {
  const { data } = options;
  const limits = options.limits ?? null;
  const table = Buffer.isBuffer(data)
    ? isZip(data)
      ? await readXlsx(data, limits)
      : await readTable(data)
    : (await startsWithZip(data.path))
      ? await readXlsx(data, limits)
      : await readTable(await readFile(data.path));
  try {
    return await importTable(options, table);
  } finally {
    await table.close?.(); // when it stopped before the last row
  }
}

async function startsWithZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(8), 0, 8, 0);
    return isZip(buffer.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

async function importTable(options: ImportOptions, table: Table): Promise<ImportResult> {
  const { resource, actor } = options;
  const mapping = options.mapping
    ? checkMapping(resource, table.headers, options.mapping)
    : guessMapping(resource, table.headers, options.preset);
  if (Object.keys(mapping).length === 0)
    throw invalid(
      'mapping',
      `no column of the file could be matched to a field; give a mapping (fields: ${Object.keys(IMPORT_FIELDS[resource]).join(', ')})`,
    );
  const valueMapping = normalizeValueMapping(resource, options.valueMapping ?? {});
  const columns = table.headers.map((header) => mapping[header]);
  const kind = KINDS[resource];
  const ignoredColumns = table.headers.filter((header) => header !== '' && !Object.hasOwn(mapping, header));
  const result: ImportResult = {
    rows: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    errors: [],
    mapping,
    dryRun: options.dryRun,
    encoding: table.encoding ?? null,
    ignoredColumns,
  };

  const run = async (db: Db, copy: CopyRows | null) => {
    await planKeyChecksAfresh(db);
    const lookups = await loadImportLookups(db);
    const seen = new Map<string, number>();
    const monthFirst = options.preset === 'salesforce' || options.preset === 'hubspot';
    const check = (row: SourceRow) => new RowCheck(row, lookups, monthFirst);
    const bulkFrom = options.bulkFrom ?? BULK_FROM;
    const held =
      !options.dryRun && kind.bulk && table.estimatedRows >= bulkFrom
        ? await countRowsUpTo(db, kind.bulk.table, table.estimatedRows)
        : null;
    const setAside =
      held !== null && held <= table.estimatedRows && kind.bulk ? await setIndexesAside(db, kind.bulk.tables, { empty: held === 0 }) : [];

    const batchSize = copy && kind.copyBatch ? kind.copyBatch : BATCH;
    const importRun: ImportRun = {
      companies: noCompaniesFound(),
      numbers: numberCounter(db),
      copy,
      opportunityIds: idReserve('opportunities'),
      startedAt: await transactionTime(db),
    };

    // The transaction's one connection runs one statement at a time. Batch N's look-ups go first;
    // then batch N - 1's write, built while the database wrote batch N - 2, is put on the wire, and
    // the database writes it while this process checks batch N, builds its write, and reads batch N + 1.
    let writing: Promise<void> = Promise.resolve();
    let ready: WriteBatch | null = null;
    const startWrite = async () => {
      const send = ready;
      ready = null;
      if (!send || result.errors.length) return; // an error rolls everything back: write no more
      writing = writing.then(send);
      writing.catch(() => {}); // awaited below; a failure surfaces there with its own message
      // the statement reaches the socket within microtasks; checking holds the event loop, so let it go first
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const flush = async (batch: SourceRow[]) => {
      // a failed write aborts the transaction, so the look-up after it fails too: report the write's error
      const found = await kind.find({ db, rows: batch, run: importRun }).catch(async (error: unknown) => {
        await writing;
        throw error;
      });
      await startWrite();
      // checked a slice at a time, letting the event loop in between: the write sent above is several
      // statements (COPY), each waiting for this process to read the database's answer and send the next
      const prepared: Prepared[] = [];
      for (let from = 0; from < batch.length; from += CHECK_SLICE) {
        if (from) await new Promise<void>((resolve) => setImmediate(resolve));
        prepared.push(
          ...kind.check({
            rows: batch.slice(from, from + CHECK_SLICE),
            found,
            check,
            seen,
            lookups,
            baseCurrency: options.baseCurrency,
            today: options.today,
            preset: options.preset,
          }),
        );
      }
      for (const p of prepared) {
        result.errors.push(...p.errors);
        if (p.errors.length) continue;
        if (p.skip) result.skipped += 1;
        else if (p.existingId === null) result.created += 1;
        else result.updated += 1;
      }
      if (!options.dryRun && !result.errors.length)
        ready = await kind.write({ db, actor, rows: prepared, today: options.today, run: importRun, lookups });
      options.onProgress?.(result.rows, Math.max(result.rows, table.estimatedRows));
    };
    let batch: SourceRow[] = [];
    try {
      let line = table.firstRow - 1;
      for await (const records of table.records) {
        for (const cells of records) {
          line += 1;
          if (isBlank(cells)) continue; // left out, and counted, so errors name the row as the spreadsheet does
          result.rows += 1;
          const values: Record<string, string> = {};
          for (let i = 0; i < cells.length; i++) {
            const field = columns[i];
            if (!field) continue;
            const text = (cells[i] as string).trim();
            if (text !== '') values[field] = valueMapping[field]?.get(fold(text)) ?? text;
          }
          batch.push({ line, values });
          if (batch.length === batchSize) {
            await flush(batch);
            batch = [];
          } else if (batch.length % CHECK_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve)); // as in flush
        }
      }
    } catch (error) {
      await writing.catch(() => {});
      throw error;
    }
    if (batch.length) await flush(batch);
    await startWrite();
    await writing;
    if (options.dryRun || result.errors.length) throw new RollBack();
    if (setAside.length) {
      options.onProgress?.(result.rows, result.rows, 'indexes');
      await restoreIndexes(db, setAside);
      if (kind.bulk) await analyzeTables(db, kind.bulk.tables);
    }
  };

  // a dry run writes nothing, so it needs no COPY
  const own = options.copyPool && !options.dryRun ? await oneConnection(options.copyPool) : null;
  let broken = false;
  try {
    await (own?.db ?? options.db).transaction().execute((db) => run(db, own?.copy ?? null));
  } catch (error) {
    if (!(error instanceof RollBack)) {
      broken = true; // a COPY that failed halfway leaves its connection in doubt: it is closed, not reused
      throw error;
    }
  } finally {
    own?.release(broken);
  }
  return result;
}

function normalizeValueMapping(resource: ImportResource, valueMapping: ValueMapping): Record<string, Map<string, string>> {
  const out: Record<string, Map<string, string>> = {};
  for (const [field, values] of Object.entries(valueMapping)) {
    if (!isImportField(resource, field))
      throw new AppError('VALIDATION', `valueMapping names "${field}", which is not a field`, {
        fields: { [`valueMapping.${field}`]: 'is not a field' },
      });
    out[field] = new Map(Object.entries(values).map(([from, to]) => [fold(from.trim()), to]));
  }
  return out;
}
