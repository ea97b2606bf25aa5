// L-7: which column of the file goes to which field — given by the user, or guessed from the headers
// in English, Danish, Norwegian and Swedish, and from the export columns of HubSpot, Pipedrive and
// Salesforce (`preset`).
import { AppError } from '../errors.ts';

export type ImportResource = 'companies' | 'contacts' | 'opportunities';
export type Preset = 'hubspot' | 'pipedrive' | 'salesforce';
export type Mapping = Record<string, string>;

/** Import fields and the header names they are known by (compared without case, spaces or punctuation). */
export const IMPORT_FIELDS: Record<ImportResource, Record<string, string[]>> = {
  companies: {
    externalId: ['external id', 'ekstern id', 'externt id'],
    accountNumber: ['account number', 'account no', 'kontonr', 'kontonummer', 'kundenr', 'kundenummer', 'kundnummer', 'debitornr'],
    name: ['name', 'company', 'company name', 'navn', 'firma', 'firmanavn', 'namn', 'företag', 'företagsnamn'],
    searchName: ['search name', 'søgenavn', 'søkenavn', 'söknamn', 'kortnavn'],
    orgNumber: [
      'org number',
      'organisation number',
      'vat',
      'cvr',
      'cvr nr',
      'orgnr',
      'org nr',
      'organisasjonsnummer',
      'organisationsnummer',
    ],
    street: ['street', 'adresse', 'adress', 'gade', 'gateadresse', 'gatuadress'],
    houseNumber: ['house number', 'husnummer', 'husnr', 'gatenummer', 'gatunummer'],
    /** A whole address on one line ("Havnen 1, 5970 Ærøskøbing, Denmark"), split into street, postal code, city and country. */
    address: ['address', 'full address', 'fuld adresse', 'full adresse', 'fullständig adress'],
    postalCode: ['postal code', 'zip', 'postcode', 'postnr', 'postnummer'],
    city: ['city', 'town', 'by', 'sted', 'poststed', 'ort', 'postort'],
    country: ['country', 'land'],
    phone: ['phone', 'telephone', 'telefon', 'tlf'],
    email: ['email', 'e-mail', 'mail', 'e-post'],
    website: ['website', 'web', 'www', 'hjemmeside', 'nettside', 'webbplats', 'hemsida'],
    owner: ['owner', 'responsible', 'ansvarlig', 'ansv', 'ansvarig', 'sælger', 'selger', 'säljare'],
    industry: ['industry', 'branche', 'bransje', 'bransch'],
    targetGroup: ['target group', 'målgruppe', 'målgrupp'],
    source: ['source', 'kilde', 'källa'],
    notes: ['notes', 'note', 'description', 'noter', 'notat', 'notater', 'beskrivelse', 'anteckningar', 'beskrivning'],
    createdAt: ['created', 'created date', 'create date', 'created at', 'oprettet', 'opprettet', 'skapad', 'skapat'],
  },
  contacts: {
    externalId: ['external id', 'ekstern id', 'externt id'],
    companyAccountNumber: ['account number', 'company account number', 'kontonr', 'kundenr', 'kundnummer'],
    companyName: ['company', 'company name', 'firma', 'firmanavn', 'företag', 'organisation', 'organization'],
    firstName: ['first name', 'firstname', 'given name', 'fornavn', 'förnamn'],
    lastName: ['last name', 'lastname', 'surname', 'family name', 'efternavn', 'etternavn', 'efternamn'],
    fullName: ['name', 'full name', 'navn', 'namn', 'kontaktperson'],
    title: ['title', 'job title', 'position', 'stilling', 'stillingsbetegnelse', 'stillingstittel', 'titel', 'befattning'],
    email: ['email', 'e-mail', 'mail', 'e-post', 'e-postadresse'],
    phone: ['phone', 'telephone', 'direct', 'telefon', 'tlf', 'direkte'],
    mobile: ['mobile', 'mobile phone', 'cell', 'mobil', 'mobiltelefon', 'mobilnummer'],
    isPrimary: ['primary', 'primary contact', 'primær', 'primär', 'primærkontakt'],
    notes: ['notes', 'note', 'noter', 'notat', 'anteckningar'],
    createdAt: ['created', 'created date', 'create date', 'created at', 'oprettet', 'opprettet', 'skapad', 'skapat'],
  },
  opportunities: {
    externalId: ['external id', 'external ref', 'ekstern id', 'ekstern ref', 'externt id'],
    number: ['number', 'no', 'id', 'nummer', 'sprojektnr', 'salgsprojektnr'],
    title: ['title', 'subject', 'name', 'opportunity', 'emne', 'ämne', 'titel', 'salgsmulighet', 'salgsmulighed', 'affär'],
    description: ['description', 'note', 'notes', 'beskrivelse', 'notat', 'beskrivning', 'anteckning'],
    companyAccountNumber: ['account number', 'company account number', 'kontonr', 'kundenr', 'kundnummer'],
    companyName: ['company', 'company name', 'firma', 'företag', 'kunde', 'kund'],
    contactEmail: ['contact email', 'contact e-mail', 'kontakt e-mail', 'kontakt e-post'],
    owner: ['owner', 'seller', 'responsible', 'ansvarlig', 'ansv', 'sælger', 'selger', 'säljare', 'ansvarig'],
    process: ['process', 'sales process', 'pipeline', 'salgsproces', 'salgsprosess', 'säljprocess'],
    stage: ['stage', 'phase', 'fase', 'steg', 'aktivitet'],
    status: ['status', 'state'],
    probability: ['probability', 'probability %', 'sandsynlighed', 'sannsynlighet', 'fremdrift', 'sannolikhet'],
    amount: [
      'amount',
      'value',
      'estimated revenue',
      'beløb',
      'beløp',
      'belopp',
      'tilbudkr',
      'est omsetning',
      'estimert omsetning',
      'summa',
      'værdi',
    ],
    currency: ['currency', 'valuta'],
    actualAmount: ['actual amount', 'reel omsætning', 'reell omsetning', 'verkligt belopp'],
    margin: ['margin', 'contribution margin', 'dækningsbidrag', 'db', 'dekningsbidrag', 'täckningsbidrag', 'tb'],
    decisionDate: [
      'decision date',
      'expected close',
      'expected close date',
      'close date expected',
      'beslutningsdato',
      'forventet afslutning',
      'avslut',
      'beslutsdatum',
    ],
    deliveryDate: ['delivery date', 'leveringsdato', 'leveransdatum'],
    closeDate: ['closed date', 'closed on', 'lukkedato', 'stängd', 'stängt datum'],
    followUpDate: ['follow up', 'follow-up date', 'opfølges', 'oppfølging', 'uppföljning'],
    priority: ['priority', 'prioritet'],
    rating: ['rating', 'betyg'],
    type: ['type', 'opportunity type', 'typ', 'salgstype'],
    source: ['source', 'lead source', 'kilde', 'källa'],
    region: ['region', 'sales region', 'salgsregion', 'affärsområde'],
    department: ['department', 'afdeling', 'avdeling', 'avdelning'],
    /** Salesforce's Won and Closed (IsWon, IsClosed): together they give the status. */
    isWon: ['won', 'is won', 'vundet', 'vunnet', 'vunnen'],
    isClosed: ['closed', 'is closed', 'afsluttet', 'avsluttet', 'avslutad'],
    createdAt: ['created', 'created date', 'create date', 'created at', 'oprettet', 'opprettet', 'skapad', 'skapat'],
  },
};

/**
 * The export columns of other CRMs, as their current exports and older ones name them, each list in
 * order of preference: when two columns could fill one field, the first of them that the file has
 * does ("Associated Company (Primary)" before "Associated Company"; Pipedrive's address parts before
 * its one-line address). A preset is tried before the general names.
 */
export const PRESETS: Record<Preset, Record<ImportResource, Mapping>> = {
  hubspot: {
    companies: {
      'Record ID': 'externalId',
      'Company name': 'name',
      'Phone Number': 'phone',
      'Street Address': 'street',
      City: 'city',
      'Postal Code': 'postalCode',
      'Country/Region': 'country',
      Industry: 'industry',
      'Company owner': 'owner',
      'Website URL': 'website',
      'Company Domain Name': 'website',
      Description: 'notes',
      'Create Date': 'createdAt',
    },
    contacts: {
      'Record ID': 'externalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Mobile Phone Number': 'mobile',
      'Job Title': 'title',
      'Associated Company (Primary)': 'companyName',
      'Associated Company': 'companyName',
      'Company Name': 'companyName',
      'Create Date': 'createdAt',
    },
    opportunities: {
      'Record ID': 'externalId',
      'Deal Name': 'title',
      Amount: 'amount',
      'Close Date': 'decisionDate',
      'Deal Stage': 'stage',
      Pipeline: 'process',
      'Deal owner': 'owner',
      'Associated Company (Primary)': 'companyName',
      'Associated Company': 'companyName',
      'Deal Description': 'description',
      'Deal probability': 'probability',
      'Deal Type': 'type',
      Currency: 'currency',
      'Deal currency code': 'currency',
      'Is Closed Won': 'isWon',
      'Is Deal Closed?': 'isClosed',
      'Is Closed': 'isClosed',
      'Create Date': 'createdAt',
    },
  },
  pipedrive: {
    companies: {
      'Organization - ID': 'externalId',
      'Organization - Name': 'name',
      'Organization - Address - Street/road name': 'street',
      'Organization - Address - House number': 'houseNumber',
      'Organization - Address - ZIP/Postal code': 'postalCode',
      'Organization - Address - City/town/village/locality': 'city',
      'Organization - Address - Country': 'country',
      'Organization - Address': 'address',
      'Organization - Address - Full/combined address': 'address',
      'Organization - City': 'city',
      'Organization - Postal code': 'postalCode',
      'Organization - Country': 'country',
      'Organization - Phone': 'phone',
      'Organization - Telephone': 'phone',
      'Organization - Website': 'website',
      'Organization - Web': 'website',
      'Organization - Owner': 'owner',
      'Organization - Organization created': 'createdAt',
      'Organization - Add time': 'createdAt',
    },
    contacts: {
      'Person - ID': 'externalId',
      'Person - Name': 'fullName',
      'Person - First name': 'firstName',
      'Person - Last name': 'lastName',
      'Person - Email - Work': 'email',
      'Person - Email': 'email',
      'Person - Email - Home': 'email',
      'Person - Email - Other': 'email',
      'Person - Phone - Work': 'phone',
      'Person - Phone': 'phone',
      'Person - Phone - Other': 'phone',
      'Person - Phone - Mobile': 'mobile',
      'Person - Organization': 'companyName',
      Organization: 'companyName',
      'Organization - Name': 'companyName',
      'Person - Job title': 'title',
      'Person - Person created': 'createdAt',
      'Person - Add time': 'createdAt',
    },
    opportunities: {
      'Deal - ID': 'externalId',
      'Deal - Title': 'title',
      'Deal - Value': 'amount',
      'Deal - Currency of value': 'currency',
      'Deal - Currency': 'currency',
      'Deal - Stage': 'stage',
      'Deal - Pipeline': 'process',
      'Deal - Status': 'status',
      'Deal - Expected close date': 'decisionDate',
      'Deal - Owner': 'owner',
      'Deal - Organization': 'companyName',
      Organization: 'companyName',
      'Organization - Name': 'companyName',
      'Deal - Probability': 'probability',
      'Deal - Closed on': 'closeDate',
      'Deal - Deal closed on': 'closeDate',
      'Deal - Won time': 'closeDate',
      'Deal - Lost time': 'closeDate',
      'Deal - Deal created': 'createdAt',
      'Deal - Creation date': 'createdAt',
      'Deal - Add time': 'createdAt',
    },
  },
  salesforce: {
    companies: {
      'Account ID': 'externalId',
      Id: 'externalId',
      'Account Name': 'name',
      'Account Number': 'accountNumber',
      'Billing Street': 'street',
      BillingStreet: 'street',
      'Billing City': 'city',
      BillingCity: 'city',
      'Billing Zip/Postal Code': 'postalCode',
      BillingPostalCode: 'postalCode',
      'Billing Country': 'country',
      BillingCountry: 'country',
      Phone: 'phone',
      Website: 'website',
      Industry: 'industry',
      'Account Owner': 'owner',
      Description: 'notes',
      'Created Date': 'createdAt',
      CreatedDate: 'createdAt',
    },
    contacts: {
      'Contact ID': 'externalId',
      Id: 'externalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'title',
      Email: 'email',
      Phone: 'phone',
      Mobile: 'mobile',
      'Mobile Phone': 'mobile',
      'Account Name': 'companyName',
      'Created Date': 'createdAt',
      CreatedDate: 'createdAt',
    },
    opportunities: {
      'Opportunity ID': 'externalId',
      Id: 'externalId',
      'Opportunity Name': 'title',
      'Account Name': 'companyName',
      Amount: 'amount',
      'Amount Currency': 'currency',
      'Opportunity Currency': 'currency',
      CurrencyIsoCode: 'currency',
      'Close Date': 'decisionDate',
      CloseDate: 'decisionDate',
      Stage: 'stage',
      StageName: 'stage',
      'Probability (%)': 'probability',
      'Opportunity Owner': 'owner',
      Description: 'description',
      Type: 'type',
      'Lead Source': 'source',
      LeadSource: 'source',
      Won: 'isWon',
      IsWon: 'isWon',
      Closed: 'isClosed',
      IsClosed: 'isClosed',
      'Created Date': 'createdAt',
      CreatedDate: 'createdAt',
    },
  },
};

const normalize = (header: string) => header.toLocaleLowerCase('da').replace(/[^\p{L}\p{N}%]+/gu, '');

/** Guesses the mapping from the headers: the preset's columns first (in its order of preference), then the names in four languages. */
export function guessMapping(resource: ImportResource, headers: string[], preset?: Preset): Mapping {
  const fieldOf = new Map<string, string>();
  const taken = new Set<string>();
  const keys = headers.map(normalize);
  if (preset) {
    for (const [column, field] of Object.entries(PRESETS[preset][resource])) {
      const at = keys.indexOf(normalize(column));
      if (at < 0 || taken.has(field) || fieldOf.has(headers[at] as string)) continue;
      fieldOf.set(headers[at] as string, field);
      taken.add(field);
    }
  }
  headers.forEach((header, at) => {
    const field = Object.entries(IMPORT_FIELDS[resource]).find(
      ([name, aliases]) => normalize(name) === keys[at] || aliases.some((alias) => normalize(alias) === keys[at]),
    )?.[0];
    if (field && !taken.has(field) && !fieldOf.has(header)) {
      fieldOf.set(header, field);
      taken.add(field);
    }
  });
  // no prototype: a column named "constructor" or "__proto__" is looked up as a plain key; in the file's order
  const mapping = Object.create(null) as Mapping;
  for (const header of headers) if (fieldOf.has(header)) mapping[header] = fieldOf.get(header) as string;
  return mapping;
}

/** Checks a mapping given by the user: columns that exist in the file, fields that exist, each field once. */
export function checkMapping(resource: ImportResource, headers: string[], mapping: Mapping): Mapping {
  const fields: Record<string, string> = {};
  const seen = new Map<string, string>();
  const checked = Object.create(null) as Mapping;
  for (const [column, field] of Object.entries(mapping)) {
    checked[column] = field;
    if (!headers.includes(column)) fields[`mapping.${column}`] = 'is not a column of the file';
    else if (!isImportField(resource, field))
      fields[`mapping.${column}`] = `"${field}" is not a field; one of: ${Object.keys(IMPORT_FIELDS[resource]).join(', ')}`;
    else if (seen.has(field)) fields[`mapping.${column}`] = `"${field}" is mapped from "${seen.get(field)}" already`;
    seen.set(field, column);
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION', 'The column mapping does not fit the file', { fields });
  return checked;
}

/** An import field of the resource; own keys only, so "toString" or "__proto__" is not one. */
export const isImportField = (resource: ImportResource, field: string): boolean => Object.hasOwn(IMPORT_FIELDS[resource], field);
