// Every TanStack Query key the web reads, in one place. A key starts with its resource, so one
// invalidation of a prefix (`keys.opportunities.all`, `keys.opportunities.lists`) reaches every
// query under it; a record's tabs hang under its `detail(id)` key.

export type ListParams = Record<string, string | number | boolean | undefined>;

/** The keys every API resource has: its paged lists, the picker search, one record and its tabs. */
function resourceKeys<R extends string>(name: R) {
  return {
    all: [name] as const,
    lists: [name, 'list'] as const,
    list: (params: ListParams, pageSize: number, firstPage: ListParams | null = null) =>
      [name, 'list', params, pageSize, firstPage] as const,
    picker: (q: string) => [name, 'picker', q] as const,
    detail: (id: number | null) => [name, id] as const,
    history: (id: number) => [name, id, 'history'] as const,
    attachments: (id: number) => [name, id, 'attachments'] as const,
  };
}

export const keys = {
  /** a list resource by its API path, e.g. `activities/mine` */
  resource: resourceKeys,
  opportunities: {
    ...resourceKeys('opportunities'),
    board: ['opportunities', 'board'] as const,
    boardOf: (processId: number | undefined, sellerId: number | null) => ['opportunities', 'board', processId, sellerId] as const,
    ofCompanies: ['opportunities', 'of-company'] as const,
    ofCompany: (companyId: number | null) => ['opportunities', 'of-company', companyId] as const,
    deleted: ['opportunities', 'deleted'] as const,
    // the version is part of the key: a step change moves it, and the steps are read again
    steps: (id: number, version: number) => ['opportunities', id, 'steps', version] as const,
    competitors: (id: number) => ['opportunities', id, 'competitors'] as const,
    sellers: (id: number) => ['opportunities', id, 'sellers'] as const,
    closings: (id: number) => ['opportunities', id, 'closings'] as const,
    followUps: (id: number) => ['opportunities', id, 'follow-ups'] as const,
  },
  companies: {
    ...resourceKeys('companies'),
    duplicates: (params: ListParams) => ['companies', 'duplicates', params] as const,
    nextAccountNumber: ['companies', 'next-account-number'] as const,
  },
  contacts: {
    ...resourceKeys('contacts'),
    ofCompany: (companyId: number | null) => ['contacts', 'of-company', companyId] as const,
  },
  activities: {
    ...resourceKeys('activities'),
    latest: ['activities', 'latest'] as const,
  },
  myDay: {
    all: ['my-day'] as const,
    due: (userId: number, today: string) => ['my-day', 'due', userId, today] as const,
    stagnant: (userId: number) => ['my-day', 'stagnant', userId] as const,
    decisions: (userId: number, today: string) => ['my-day', 'decisions', userId, today] as const,
  },
  users: {
    all: ['users'] as const,
    active: ['users', 'active'] as const,
    /** the setup page's list, inactive users too */
    everyone: ['users', 'all'] as const,
  },
  setupLists: {
    /** the active entries, for pickers */
    entries: (list: string) => ['setup', list] as const,
    /** all entries, for the setup page */
    admin: (list: string) => ['setup-admin', list] as const,
  },
  salesProcesses: { all: ['sales-processes'] as const },
  settings: { all: ['settings'] as const },
  competitors: { all: ['competitors'] as const },
  views: { of: (resource: string) => ['views', resource] as const },
  calendarFeed: { all: ['calendar-feed'] as const },
};
