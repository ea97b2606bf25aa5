// SPEC L-3: `AS%` starts with AS, `%AS` ends with AS, `AS` contains AS; case-insensitive.
// The result is a LIKE pattern to compare against lower(column); `_` and `\` typed by the user are literal.

/** Turns what the user typed into a LIKE pattern for lower(column), or null for an empty search. */
export function likePattern(typed: string): string | null {
  const trimmed = typed.trim();
  const startsWith = trimmed.endsWith('%') && !trimmed.startsWith('%');
  const endsWith = trimmed.startsWith('%') && !trimmed.endsWith('%');
  const core = trimmed.replace(/^%+|%+$/g, '');
  if (core === '') return null;
  const literal = core.toLocaleLowerCase('da').replace(/[\\%_]/g, (c) => `\\${c}`);
  if (startsWith) return `${literal}%`;
  if (endsWith) return `%${literal}`;
  return `%${literal}%`;
}
