// The filters of an export in words, in the export's language ("Status: Won, Lost", "Amount ≤ 100",
// "Owner: Mette Møller"), for the PDF's heading: a printed list should say what it is a list of.
import { COLUMNS, labelOf, wordOf, type Lang } from './columns.ts';
import { plainText } from './cells.ts';

type Labels = readonly [string, string, string, string];
type ExportList = keyof typeof COLUMNS;

/** Where the name of a referenced record is read (db/export-names.ts), per filter parameter. */
export const NAMED_FILTERS = {
  ownerId: 'users',
  sellerId: 'users',
  createdBy: 'users',
  updatedBy: 'users',
  companyId: 'companies',
  contactId: 'contacts',
  stageId: 'stages',
  processId: 'salesProcesses',
  campaignId: 'campaigns',
  regionId: 'regions',
  departmentId: 'departments',
  typeId: 'opportunityTypes',
  sourceId: 'sources',
  industryId: 'industries',
  targetGroupId: 'targetGroups',
  interestTypeId: 'interestTypes',
} as const;
export type NameSource = (typeof NAMED_FILTERS)[keyof typeof NAMED_FILTERS];
/** The names found, per filter parameter; an id without a name prints as #id. */
export type FilterNames = Partial<Record<string, Map<number, string>>>;

const LABELS: Record<string, Labels> = {
  q: ['Search', 'Søgning', 'Søk', 'Sökning'],
  note: ['Note', 'Notat', 'Notat', 'Anteckning'],
  letter: ['Initial', 'Forbogstav', 'Forbokstav', 'Begynnelsebokstav'],
  ownerId: ['Owner', 'Ansvarlig', 'Ansvarlig', 'Ansvarig'],
  sellerId: ['Seller', 'Sælger', 'Selger', 'Säljare'],
  createdBy: ['Created by', 'Oprettet af', 'Opprettet av', 'Skapad av'],
  updatedBy: ['Changed by', 'Ændret af', 'Endret av', 'Ändrad av'],
  companyId: ['Company', 'Firma', 'Firma', 'Företag'],
  contactId: ['Contact', 'Kontaktperson', 'Kontaktperson', 'Kontaktperson'],
  opportunityId: ['Opportunity', 'Salgsmulighed', 'Salgsmulighet', 'Affär'],
  stageId: ['Stage', 'Fase', 'Steg', 'Steg'],
  processId: ['Sales process', 'Salgsproces', 'Salgsprosess', 'Säljprocess'],
  campaignId: ['Campaign', 'Kampagne', 'Kampanje', 'Kampanj'],
  regionId: ['Region', 'Region', 'Region', 'Region'],
  departmentId: ['Department', 'Afdeling', 'Avdeling', 'Avdelning'],
  typeId: ['Type', 'Type', 'Type', 'Typ'],
  sourceId: ['Source', 'Kilde', 'Kilde', 'Källa'],
  industryId: ['Industry', 'Branche', 'Bransje', 'Bransch'],
  targetGroupId: ['Target group', 'Målgruppe', 'Målgruppe', 'Målgrupp'],
  interestTypeId: ['Interest', 'Interessetype', 'Interessetype', 'Intressetyp'],
  dueDate: ['Due', 'Dato', 'Dato', 'Datum'],
};
const VALUE_WORDS: Record<string, Record<string, Labels>> = {
  priority: { low: ['Low', 'Lav', 'Lav', 'Låg'], normal: ['Normal', 'Normal', 'Normal', 'Normal'], high: ['High', 'Høj', 'Høy', 'Hög'] },
  companyStatus: { prospect: ['Prospect', 'Emne', 'Prospekt', 'Prospekt'], active: ['Active', 'Aktiv', 'Aktiv', 'Aktiv'] },
};
const OPERATORS: Record<string, string> = { gte: '≥', lte: '≤', ne: '≠' };
/** Paging and order are not filters. */
const NOT_FILTERS = new Set(['sort', 'limit', 'cursor']);

const word = (labels: Labels, lang: Lang) => labelOf({ label: labels }, lang);

/** One "Label: value" per filter of the query, in the order given. */
export function filterWords(list: ExportList, query: Record<string, unknown>, names: FilterNames, lang: Lang): string[] {
  const label = (key: string) => {
    const column = COLUMNS[list].find((c) => c.key === key);
    const labels = LABELS[key];
    return column ? labelOf(column, lang) : labels ? word(labels, lang) : key;
  };
  const valueOf = (key: string, value: unknown): string => {
    if (typeof value === 'boolean') return wordOf('boolean', value, lang);
    if (key === 'status' && list === 'opportunities') return wordOf('status', value, lang);
    const values = VALUE_WORDS[key === 'status' ? 'companyStatus' : key];
    const known = values?.[String(value)];
    if (known) return word(known, lang);
    if (key in NAMED_FILTERS || key === 'opportunityId') return names[key]?.get(Number(value)) ?? `#${plainText(value)}`;
    return String(value);
  };
  const words: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || NOT_FILTERS.has(key)) continue;
    const range = /^(.+)\.(gte|lte|ne)$/.exec(key);
    if (range) {
      words.push(`${label(range[1] ?? '')} ${OPERATORS[range[2] ?? ''] ?? ''} ${plainText(value)}`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    const text = key === 'q' || key === 'title' || key === 'note' ? `“${plainText(value)}”` : values.map((v) => valueOf(key, v)).join(', ');
    words.push(`${label(key)}: ${text}`);
  }
  return words;
}
