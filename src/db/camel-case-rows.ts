// Kysely's CamelCasePlugin maps every row of a result key by key (a look-up per column per row, and an
// object grown one property at a time). The rows of one pg result all have the same columns, so this
// maps the column names once per result and copies each row with a function made for those columns,
// which builds the object in one go. Nested objects and arrays (json columns) are mapped as the plugin
// maps them.
import { CamelCasePlugin, type PluginTransformResultArgs, type QueryResult, type UnknownRow } from 'kysely';

type Copy = (row: UnknownRow, nested: (value: object) => unknown) => UnknownRow;

const isPlainObject = (value: object) => {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
};

// one per column list the app's queries return: a bounded set, capped in case of a query built on the fly
const MAX_COPIES = 1000;

export class CamelCaseRowsPlugin extends CamelCasePlugin {
  readonly #copies = new Map<string, Copy | null>();
  readonly #nested = (value: object) => this.mapNested(value);

  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // a statement without rows (DDL, some drivers' answers) may have none, whatever the type says
    const rows = args.result.rows as UnknownRow[] | undefined;
    const first = rows?.[0];
    if (!Array.isArray(rows) || !first) return super.transformResult(args);
    const columns = Object.keys(first);
    const copy = this.copyFor(columns);
    if (!copy) return super.transformResult(args);
    const mapped = new Array<UnknownRow>(rows.length);
    for (let r = 0; r < rows.length; r++) mapped[r] = copy(rows[r] as UnknownRow, this.#nested);
    return { ...args.result, rows: mapped };
  }

  private copyFor(columns: string[]): Copy | null {
    const key = columns.join('\u0000');
    let copy = this.#copies.get(key);
    if (copy !== undefined) return copy;
    const names = columns.map((column) => this.camelCase(column));
    // `{ "__proto__": … }` would set the prototype: leave such rows to the plugin
    if (names.includes('__proto__') || this.#copies.size >= MAX_COPIES) return null;
    const fields = columns.map(
      (column, i) =>
        `${JSON.stringify(names[i])}: (v = row[${JSON.stringify(column)}], v !== null && typeof v === 'object' ? nested(v) : v)`,
    );
    copy = new Function('row', 'nested', `let v; return { ${fields.join(', ')} };`) as Copy;
    this.#copies.set(key, copy);
    return copy;
  }

  private mapNested(value: object): unknown {
    if (Array.isArray(value))
      return value.map((item: unknown) =>
        item !== null && typeof item === 'object' && isPlainObject(item) ? this.mapRow(item as UnknownRow) : item,
      );
    return isPlainObject(value) ? this.mapRow(value as UnknownRow) : value;
  }
}
