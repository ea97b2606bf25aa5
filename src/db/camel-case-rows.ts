// Kysely's CamelCasePlugin maps every row of a result key by key (a look-up per column per row). The
// rows of one pg result all have the same columns, so this maps the column names once per result and
// then copies the values. Nested objects and arrays (json columns) are mapped as the plugin maps them.
import { CamelCasePlugin, type PluginTransformResultArgs, type QueryResult, type UnknownRow } from 'kysely';

const isPlainObject = (value: object) => {
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
};

export class CamelCaseRowsPlugin extends CamelCasePlugin {
  override async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { rows } = args.result;
    const first = rows?.[0];
    if (!Array.isArray(rows) || !first) return super.transformResult(args);
    const columns = Object.keys(first);
    const names = columns.map((column) => this.camelCase(column));
    const mapped = new Array<UnknownRow>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as UnknownRow;
      const out: UnknownRow = {};
      for (let c = 0; c < columns.length; c++) {
        const value = row[columns[c] as string];
        out[names[c] as string] = value !== null && typeof value === 'object' ? this.mapNested(value) : value;
      }
      mapped[r] = out;
    }
    return { ...args.result, rows: mapped };
  }

  private mapNested(value: object): unknown {
    if (Array.isArray(value)) return value.map((item: unknown) => (item !== null && typeof item === 'object' && isPlainObject(item) ? this.mapRow(item as UnknownRow) : item));
    return isPlainObject(value) ? this.mapRow(value as UnknownRow) : value;
  }
}
