// L-6: the columns an export can have, per list, with their type (so XLSX gets real numbers and
// dates) and their header in each language. Keys are the fields of the list's API items.
export type Lang = 'en' | 'da' | 'nb' | 'sv';
export type CellType = 'text' | 'integer' | 'money' | 'date' | 'timestamp' | 'boolean' | 'status';
/** Header in en, da, nb, sv. */
type Labels = readonly [string, string, string, string];
export type Column = {
  key: string;
  type: CellType;
  label: Labels;
  /** relative width in the PDF */ width: number;
  /** summed in the PDF totals */ total?: boolean;
};
export type ExportRow = Record<string, unknown>;

const LANGS: Lang[] = ['en', 'da', 'nb', 'sv'];
export const labelOf = (column: { label: Labels }, lang: Lang) => column.label[LANGS.indexOf(lang)] ?? column.label[0];

const c = (key: string, type: CellType, label: Labels, width = 1, total = false): Column => ({
  key,
  type,
  label,
  width,
  ...(total ? { total } : {}),
});

const audit = [
  c('createdAt', 'timestamp', ['Created', 'Oprettet', 'Opprettet', 'Skapad'], 1.3),
  c('updatedAt', 'timestamp', ['Last changed', 'Sidst ændret', 'Sist endret', 'Senast ändrad'], 1.3),
  c('updatedByInitials', 'text', ['By', 'Af', 'Av', 'Av'], 0.5),
];

export const COLUMNS: Record<'opportunities' | 'companies' | 'contacts' | 'activities', Column[]> = {
  opportunities: [
    c('number', 'integer', ['Number', 'Nummer', 'Nummer', 'Nummer'], 0.6),
    c('title', 'text', ['Subject', 'Emne', 'Emne', 'Ämne'], 2.2),
    c('companyName', 'text', ['Company', 'Firma', 'Firma', 'Företag'], 2),
    c('status', 'status', ['Status', 'Status', 'Status', 'Status'], 0.7),
    c('stageName', 'text', ['Stage', 'Fase', 'Steg', 'Steg'], 1),
    c('amount', 'money', ['Amount', 'Beløb', 'Est. omsetning', 'Belopp'], 1.1, true),
    c('currency', 'text', ['Currency', 'Valuta', 'Valuta', 'Valuta'], 0.5),
    c('probability', 'integer', ['Probability %', 'Sandsynlighed %', 'Fremdrift %', 'Sannolikhet %'], 0.6),
    c('weightedAmount', 'money', ['Weighted', 'Vægtet værdi', 'Vektet verdi', 'Vägt värde'], 1.1, true),
    c('actualAmount', 'money', ['Actual amount', 'Reel omsætning', 'Reell omsetning', 'Verkligt belopp'], 1.1),
    c('margin', 'money', ['Margin', 'Dækningsbidrag', 'Dekningsbidrag', 'Täckningsbidrag'], 1),
    c('decisionDate', 'date', ['Decision date', 'Beslutningsdato', 'Beslutningsdato', 'Beslutsdatum'], 0.9),
    c('deliveryDate', 'date', ['Delivery date', 'Leveringsdato', 'Leveringsdato', 'Leveransdatum'], 0.9),
    c('closeDate', 'date', ['Close date', 'Lukkedato', 'Lukkedato', 'Stängt datum'], 0.9),
    c('followUpDate', 'date', ['Follow-up', 'Opfølges', 'Oppfølging', 'Uppföljning'], 0.9),
    c('priority', 'text', ['Priority', 'Prioritet', 'Prioritet', 'Prioritet'], 0.6),
    c('rating', 'integer', ['Rating', 'Rating', 'Rating', 'Betyg'], 0.5),
    c('ownerInitials', 'text', ['Owner', 'Ansvarlig', 'Ansv', 'Ansvarig'], 0.6),
    c('externalRef', 'text', ['External ref.', 'Ekstern ref.', 'Ekstern ref.', 'Extern ref.'], 0.8),
    c('description', 'text', ['Note', 'Notat', 'Notat', 'Anteckning'], 2),
    c('stagnant', 'boolean', ['Stagnant', 'Stillestående', 'Stillestående', 'Stillastående'], 0.6),
    ...audit,
  ],
  companies: [
    c('accountNumber', 'text', ['Account no.', 'Kontonr.', 'Kontonr.', 'Kontonr.'], 0.8),
    c('name', 'text', ['Name', 'Navn', 'Navn', 'Namn'], 2.2),
    c('searchName', 'text', ['Search name', 'Søgenavn', 'Søkenavn', 'Söknamn'], 1),
    c('status', 'text', ['Status', 'Status', 'Status', 'Status'], 0.7),
    c('customerNumber', 'text', ['Customer no.', 'Debitornr.', 'Kundenr.', 'Kundnr.'], 0.8),
    c('supplierNumber', 'text', ['Supplier no.', 'Kreditornr.', 'Leverandørnr.', 'Leverantörsnr.'], 0.8),
    c('orgNumberFormatted', 'text', ['Org. number', 'CVR-nr.', 'Org.nr.', 'Org.nr'], 1),
    c('street', 'text', ['Street', 'Adresse', 'Adresse', 'Adress'], 1.5),
    c('postalCode', 'text', ['Postal code', 'Postnr.', 'Postnr.', 'Postnr'], 0.6),
    c('city', 'text', ['City', 'By', 'Sted', 'Ort'], 1),
    c('country', 'text', ['Country', 'Land', 'Land', 'Land'], 0.5),
    c('phone', 'text', ['Phone', 'Telefon', 'Telefon', 'Telefon'], 1),
    c('email', 'text', ['Email', 'E-mail', 'E-post', 'E-post'], 1.5),
    c('website', 'text', ['Website', 'Hjemmeside', 'Nettsted', 'Webbplats'], 1.2),
    c('notes', 'text', ['Notes', 'Noter', 'Notater', 'Anteckningar'], 2),
    ...audit,
  ],
  contacts: [
    c('firstName', 'text', ['First name', 'Fornavn', 'Fornavn', 'Förnamn'], 1),
    c('lastName', 'text', ['Last name', 'Efternavn', 'Etternavn', 'Efternamn'], 1.2),
    c('companyName', 'text', ['Company', 'Firma', 'Firma', 'Företag'], 2),
    c('title', 'text', ['Title', 'Stilling', 'Stillingstittel', 'Titel'], 1.2),
    c('email', 'text', ['Email', 'E-mail', 'E-post', 'E-post'], 1.6),
    c('phone', 'text', ['Phone', 'Telefon', 'Telefon', 'Telefon'], 1),
    c('mobile', 'text', ['Mobile', 'Mobil', 'Mobil', 'Mobil'], 1),
    c('isPrimary', 'boolean', ['Primary', 'Primær', 'Primær', 'Primär'], 0.6),
    c('notes', 'text', ['Notes', 'Noter', 'Notater', 'Anteckningar'], 2),
    ...audit,
  ],
  activities: [
    c('type', 'text', ['Type', 'Type', 'Type', 'Typ'], 0.7),
    c('subject', 'text', ['Subject', 'Emne', 'Emne', 'Ämne'], 2),
    c('dueDate', 'date', ['Due', 'Dato', 'Dato', 'Datum'], 0.8),
    c('dueTime', 'text', ['Time', 'Tid', 'Tid', 'Tid'], 0.5),
    c('durationMinutes', 'integer', ['Minutes', 'Minutter', 'Minutter', 'Minuter'], 0.6),
    c('done', 'boolean', ['Done', 'Udført', 'Utført', 'Klar'], 0.5),
    c('ownerInitials', 'text', ['Owner', 'Ansvarlig', 'Ansv', 'Ansvarig'], 0.6),
    c('companyName', 'text', ['Company', 'Firma', 'Firma', 'Företag'], 1.8),
    c('contactName', 'text', ['Contact', 'Kontaktperson', 'Kontaktperson', 'Kontaktperson'], 1.3),
    c('opportunityTitle', 'text', ['Opportunity', 'Salgsmulighed', 'Salgsmulighet', 'Affär'], 1.6),
    c('text', 'text', ['Text', 'Tekst', 'Tekst', 'Text'], 2),
    ...audit,
  ],
};

/** The columns shown when the request names none. */
export const DEFAULT_COLUMNS: Record<keyof typeof COLUMNS, string[]> = {
  opportunities: [
    'number',
    'title',
    'companyName',
    'status',
    'stageName',
    'amount',
    'probability',
    'weightedAmount',
    'decisionDate',
    'ownerInitials',
    'updatedAt',
    'updatedByInitials',
  ],
  companies: [
    'accountNumber',
    'name',
    'status',
    'orgNumberFormatted',
    'street',
    'postalCode',
    'city',
    'country',
    'phone',
    'email',
    'updatedAt',
  ],
  contacts: ['firstName', 'lastName', 'companyName', 'title', 'email', 'phone', 'mobile', 'updatedAt'],
  activities: ['type', 'subject', 'dueDate', 'dueTime', 'done', 'ownerInitials', 'companyName', 'contactName', 'opportunityTitle'],
};

const STATUS: Record<string, Labels> = {
  open: ['Open', 'Åben', 'Åpen', 'Öppen'],
  won: ['Won', 'Vundet', 'Vunnet', 'Vunnen'],
  lost: ['Lost', 'Tabt', 'Tapt', 'Förlorad'],
  expired: ['Expired', 'Udløbet', 'Utløpt', 'Utgången'],
};
const YES_NO: Record<'yes' | 'no', Labels> = { yes: ['Yes', 'Ja', 'Ja', 'Ja'], no: ['No', 'Nej', 'Nei', 'Nej'] };

/** The text of a status or yes/no cell in the export's language. */
export function wordOf(type: 'status' | 'boolean', value: unknown, lang: Lang): string {
  if (type === 'boolean') return labelOf({ label: YES_NO[value ? 'yes' : 'no'] }, lang);
  const labels = STATUS[String(value)];
  return labels ? labelOf({ label: labels }, lang) : String(value);
}
