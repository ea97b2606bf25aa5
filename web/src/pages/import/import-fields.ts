// L-7: the fields a column of an import file can go to, per list (the API's import field names), and
// which of them name something Trakt must find (a user, a setup entry, a stage…), so that the file's
// own words for it can be mapped to Trakt's (value mapping).
import type { SetupListName } from '../../api/types';

export type ImportResource = 'companies' | 'contacts' | 'opportunities';
export const IMPORT_RESOURCES: ImportResource[] = ['companies', 'contacts', 'opportunities'];
export const PRESETS = ['auto', 'hubspot', 'pipedrive', 'salesforce'] as const;
export type Preset = (typeof PRESETS)[number];

export const IMPORT_FIELDS: Record<ImportResource, string[]> = {
  companies: [
    'accountNumber',
    'externalId',
    'name',
    'searchName',
    'orgNumber',
    'street',
    'houseNumber',
    'address',
    'postalCode',
    'city',
    'country',
    'phone',
    'email',
    'website',
    'owner',
    'industry',
    'targetGroup',
    'source',
    'notes',
    'createdAt',
  ],
  contacts: [
    'externalId',
    'companyAccountNumber',
    'companyName',
    'firstName',
    'lastName',
    'fullName',
    'title',
    'email',
    'phone',
    'mobile',
    'isPrimary',
    'notes',
    'createdAt',
  ],
  opportunities: [
    'number',
    'externalId',
    'title',
    'description',
    'companyAccountNumber',
    'companyName',
    'contactEmail',
    'owner',
    'process',
    'stage',
    'status',
    'probability',
    'amount',
    'currency',
    'actualAmount',
    'margin',
    'decisionDate',
    'deliveryDate',
    'closeDate',
    'followUpDate',
    'priority',
    'rating',
    'type',
    'source',
    'region',
    'department',
    'isWon',
    'isClosed',
    'createdAt',
  ],
};

/** The translation key of a field's name; a contact's `title` is the job title. */
export function fieldLabel(resource: ImportResource, field: string): string {
  if (resource === 'contacts' && field === 'title') return 'import.fields.jobTitle';
  if (resource === 'opportunities' && field === 'title') return 'import.fields.subject';
  return `import.fields.${field}`;
}

/** What a value of a field must name in Trakt. */
export type Lookup =
  | { kind: 'setup'; list: SetupListName }
  | { kind: 'users' }
  | { kind: 'processes' }
  | { kind: 'stages' }
  | { kind: 'currencies' }
  | { kind: 'fixed'; values: { value: string; label: string }[] };

const STATUS = ['open', 'won', 'lost', 'expired'].map((value) => ({ value, label: `status.${value}` }));
const PRIORITY = ['low', 'normal', 'high'].map((value) => ({ value, label: `priority.${value}` }));

export const LOOKUPS: Record<ImportResource, Record<string, Lookup>> = {
  companies: {
    owner: { kind: 'users' },
    industry: { kind: 'setup', list: 'industries' },
    targetGroup: { kind: 'setup', list: 'target-groups' },
    source: { kind: 'setup', list: 'sources' },
  },
  contacts: {},
  opportunities: {
    owner: { kind: 'users' },
    process: { kind: 'processes' },
    stage: { kind: 'stages' },
    status: { kind: 'fixed', values: STATUS },
    priority: { kind: 'fixed', values: PRIORITY },
    currency: { kind: 'currencies' },
    type: { kind: 'setup', list: 'opportunity-types' },
    source: { kind: 'setup', list: 'sources' },
    region: { kind: 'setup', list: 'regions' },
    department: { kind: 'setup', list: 'departments' },
  },
};

/** The list page an import lands in. */
export const LIST_PATH: Record<ImportResource, string> = {
  companies: '/companies',
  contacts: '/contacts',
  opportunities: '/opportunities',
};
