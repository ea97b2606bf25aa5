// L-7: reads one row of an import file field by field, collecting every error instead of stopping.
import type { z } from 'zod';
import { companiesByAccountNumber, companiesByName, type Entry, type ImportLookups } from '../../db/import-lookups.ts';
import type { Db } from '../../db/schema.ts';
import { valuesOf } from './import-kind.ts';
import { fold, toBoolean, toDate, toDateTime, toNumber, type Converted } from './convert.ts';

export type RowError = { row: number; field: string; message: string };
/** One row of the file: its line in the file (header = 1) and its non-empty cells by field. */
export type SourceRow = { line: number; values: Record<string, string> };

/** The fields that have a value (the API's schemas treat a missing field and `undefined` alike, but not null). */
export function definedOnly(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in input) if (input[key] !== undefined) out[key] = input[key];
  return out;
}

/**
 * The companies rows have named so far in one import: by account number (null: none has it), else by
 * lower-case name (every id, so an ambiguous name can be refused; none: empty). A file names the same
 * companies again and again, and importing contacts or opportunities does not change companies, so
 * each is looked up once per import.
 */
export type FoundCompanies = { accounts: Map<string, number | null>; names: Map<string, number[]> };

export const noCompaniesFound = (): FoundCompanies => ({ accounts: new Map(), names: new Map() });

/** Adds the companies a batch names and `known` does not know yet; returns `known`. */
export async function findCompanies(db: Db, rows: SourceRow[], known: FoundCompanies): Promise<FoundCompanies> {
  const accounts = valuesOf(rows, 'companyAccountNumber').filter((account) => !known.accounts.has(account));
  const names = valuesOf(
    rows.filter((row) => !row.values.companyAccountNumber),
    'companyName',
    true,
  ).filter((name) => !known.names.has(name));
  const byAccount = await companiesByAccountNumber(db, accounts);
  for (const account of accounts) known.accounts.set(account, byAccount.get(account) ?? null);
  const byName = await companiesByName(db, names);
  for (const name of names) known.names.set(name, byName.get(name) ?? []);
  return known;
}

export class RowCheck {
  readonly errors: RowError[] = [];

  constructor(
    readonly row: SourceRow,
    private readonly lookups: ImportLookups,
    private readonly monthFirst: boolean,
  ) {}

  fail(field: string, message: string): void {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ row: this.row.line, field, message });
  }

  text(field: string): string | undefined {
    return this.row.values[field];
  }

  required(field: string): string | undefined {
    const text = this.row.values[field];
    if (text === undefined) this.fail(field, 'is required');
    return text;
  }

  private convert<T>(field: string, convert: (text: string) => Converted<T>): T | undefined {
    const text = this.row.values[field];
    if (text === undefined) return undefined;
    const result = convert(text);
    if (result.ok) return result.value;
    this.fail(field, `${result.message} (got "${text}")`);
    return undefined;
  }

  number(field: string) {
    return this.convert(field, toNumber);
  }

  integer(field: string) {
    const value = this.number(field);
    if (value === undefined || Number.isInteger(value)) return value;
    this.fail(field, 'must be a whole number');
    return undefined;
  }

  date(field: string) {
    return this.convert(field, (text) => toDate(text, this.monthFirst));
  }

  /** A point in time (a record's created time) as ISO 8601 in UTC: the date, at the time of day the file gives, else midnight. */
  dateTime(field: string) {
    const value = this.convert(field, (text) => toDateTime(text, this.monthFirst));
    return value === undefined ? undefined : `${value.slice(0, 10)}T${value.slice(11) || '00:00:00'}Z`;
  }

  boolean(field: string) {
    return this.convert(field, toBoolean);
  }

  other<T>(field: string, convert: (text: string) => Converted<T>) {
    return this.convert(field, convert);
  }

  /** A setup-list entry by name (C-5: a deactivated one cannot be chosen). */
  setup(field: string, list: keyof ImportLookups['setup']): number | undefined {
    const name = this.row.values[field];
    if (name === undefined) return undefined;
    const entry: Entry | undefined = this.lookups.setup[list].get(fold(name));
    if (entry?.active) return entry.id;
    this.fail(field, entry ? `"${name}" is deactivated` : `"${name}" is not in the list; add it in setup or map the value`);
    return undefined;
  }

  /** The company of a contact or opportunity: by account number, else by a name only one company has. */
  company({ accounts, names }: FoundCompanies): number | undefined {
    const account = this.row.values.companyAccountNumber;
    const name = this.row.values.companyName;
    if (account) {
      const id = accounts.get(account) ?? undefined; // null: looked up, and no company has it
      if (id === undefined) this.fail('companyAccountNumber', `no company has account number "${account}"`);
      return id;
    }
    if (!name) {
      this.fail('companyName', 'is required (company name or account number)');
      return undefined;
    }
    const ids = names.get(fold(name)) ?? [];
    if (ids.length === 1) return ids[0];
    this.fail(
      'companyName',
      ids.length ? `"${name}" matches ${ids.length} companies; give the account number` : `no company is named "${name}"`,
    );
    return undefined;
  }

  /** A user by email, initials or name. */
  user(field: string): number | undefined {
    const key = this.row.values[field];
    if (key === undefined) return undefined;
    const id = this.lookups.users.get(fold(key));
    if (id === undefined) this.fail(field, `"${key}" is not an active user (email, initials or name)`);
    return id;
  }

  /** Runs the API's own schema over the converted values; its errors are named by import field. */
  schema<T>(schema: z.ZodType<T>, input: object, fieldOf: Record<string, string> = {}): T | undefined {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'row');
      this.fail(fieldOf[key] ?? key, issue.message);
    }
    return undefined;
  }
}
