// Kysely table types for the schema in migrations/. Columns are snake_case in SQL and camelCase
// here (CamelCasePlugin). Dates are 'YYYY-MM-DD' strings, numeric and int8 come back as numbers.
import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Created = ColumnType<Date, Date | string | undefined, never>;

export type SetupEntryTable = {
  id: Generated<number>;
  name: string;
  active: Generated<boolean>;
  position: Generated<number>;
  version: Generated<number>;
};

export type SettingsTable = { key: string; value: unknown };

export type UsersTable = {
  id: Generated<number>;
  name: string;
  initials: string;
  email: string;
  passwordHash: string;
  role: 'admin' | 'manager' | 'seller';
  regionId: number | null;
  departmentId: number | null;
  language: Generated<'en' | 'da' | 'nb' | 'sv'>;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: Created;
  updatedAt: Timestamp;
};

export type SessionsTable = {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: Created;
  expiresAt: Timestamp;
};

export type ApiTokensTable = {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: Created;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
};

export type AuthEventsTable = {
  id: Generated<number>;
  at: Created;
  kind: 'login' | 'login_failed' | 'login_limited' | 'logout' | 'denied';
  email: string | null;
  userId: number | null;
  ip: string | null;
  detail: string | null;
};

export type SignInThrottlesTable = {
  key: string;
  failures: number;
  lastAttemptAt: Timestamp;
};

export type CampaignsTable = {
  id: Generated<number>;
  name: string;
  type: string | null;
  startDate: string | null;
  endDate: string | null;
  cost: number | null;
  status: Generated<'planned' | 'active' | 'completed' | 'cancelled'>;
  createdAt: Created;
};

export type CompetitorsTable = {
  id: Generated<number>;
  name: string;
  website: string | null;
  strengths: string | null;
  weaknesses: string | null;
  rating: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
};

type Audited = {
  version: Generated<number>;
  createdAt: Created;
  createdBy: number | null;
  updatedAt: Timestamp;
  updatedBy: number | null;
  deletedAt: Timestamp | null;
};

export type CompaniesTable = Audited & {
  id: Generated<number>;
  accountNumber: string;
  accountNumberValue: GeneratedAlways<number | null>;
  name: string;
  searchName: string | null;
  status: Generated<'prospect' | 'active'>;
  customerNumber: string | null;
  supplierNumber: string | null;
  orgNumber: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  ownerId: number | null;
  industryId: number | null;
  targetGroupId: number | null;
  sourceId: number | null;
  campaignId: number | null;
  customerProfileId: number | null;
  notes: string | null;
  /** The id in the CRM the company was imported from (L-7). */
  externalId: Generated<string | null>;
};

export type CompanyInterestTypesTable = { companyId: number; interestTypeId: number };

export type ContactsTable = Audited & {
  id: Generated<number>;
  companyId: number;
  firstName: Generated<string>;
  lastName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  isPrimary: Generated<boolean>;
  isDefaultReference: Generated<boolean>;
  notes: string | null;
  /** The id in the CRM the contact was imported from (L-7). */
  externalId: Generated<string | null>;
};

export type SalesProcessesTable = {
  id: Generated<number>;
  name: string;
  isDefault: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: Created;
};

export type StagesTable = {
  id: Generated<number>;
  processId: number;
  name: string;
  probability: number;
  position: number;
};

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'expired';

export type OpportunitiesTable = Audited & {
  id: Generated<number>;
  number: number;
  title: string;
  description: string | null;
  companyId: number;
  contactId: number | null;
  ownerId: number;
  processId: number;
  stageId: number | null;
  status: Generated<OpportunityStatus>;
  probability: Generated<number>;
  probabilityMode: Generated<'stage' | 'manual'>;
  amount: number | null;
  currency: Generated<string>;
  weightedAmount: GeneratedAlways<number>;
  actualAmount: number | null;
  margin: number | null;
  annualMargin: number | null;
  decisionDate: string | null;
  deliveryDate: string | null;
  closeDate: string | null;
  followUpDate: string | null;
  priority: Generated<'low' | 'normal' | 'high'>;
  rating: number | null;
  typeId: number | null;
  sourceId: number | null;
  campaignId: number | null;
  regionId: number | null;
  departmentId: number | null;
  lossReasonId: number | null;
  winReasonId: number | null;
  winnerCompetitorId: number | null;
  externalRef: string | null;
  quoteNumber: string | null;
  closeNote: string | null;
  lastActivityAt: Timestamp | null;
};

export type OpportunityStepsTable = {
  opportunityId: number;
  stageId: number;
  state: Generated<'todo' | 'done' | 'cancelled'>;
  changedAt: Timestamp;
};

export type OpportunitySellersTable = {
  opportunityId: number;
  userId: number;
  share: number;
  position: number;
};

export type ActivitiesTable = Audited & {
  id: Generated<number>;
  type: string;
  subject: string;
  text: string | null;
  dueDate: string | null;
  dueTime: string | null;
  durationMinutes: number | null;
  done: Generated<boolean>;
  doneAt: Timestamp | null;
  ownerId: number;
  companyId: number | null;
  contactId: number | null;
  opportunityId: number | null;
  campaignId: number | null;
};

export type OpportunityClosingsTable = {
  id: Generated<number>;
  opportunityId: number;
  outcome: 'won' | 'lost' | 'expired';
  closeDate: string;
  actualAmount: number | null;
  deliveryDate: string | null;
  winReasonId: number | null;
  lossReasonId: number | null;
  winnerCompetitorId: number | null;
  note: string | null;
  probabilityBefore: number;
  closedBy: number | null;
  closedAt: Created;
  reopenedBy: number | null;
  reopenedAt: Timestamp | null;
};

export type OpportunityCompetitorsTable = {
  id: Generated<number>;
  opportunityId: number;
  /** The global competitor, or null for a one-off name (exactly one of the two is set). */
  competitorId: number | null;
  name: string | null;
  threat: Generated<number>;
  note: string | null;
  version: Generated<number>;
  createdAt: Created;
};

export type ActivityParticipantsTable = { activityId: number; userId: number };

export type HistoryEntity = 'opportunity' | 'company' | 'contact';

export type ChangeHistoryTable = {
  id: Generated<number>;
  entity: HistoryEntity;
  entityId: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedBy: number | null;
  changedAt: Created;
};

export type OpportunityFollowUpsTable = {
  id: Generated<number>;
  opportunityId: number;
  followUpDate: string;
  setAt: Created;
  setBy: number | null;
  activityId: number | null;
};

export type AttachmentEntity = 'company' | 'contact' | 'opportunity' | 'activity';

export type AttachmentsTable = {
  id: Generated<number>;
  entity: AttachmentEntity;
  entityId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  data: Buffer;
  uploadedBy: number | null;
  uploadedAt: Created;
  deletedAt: Timestamp | null;
};

export type ListResource = 'opportunities' | 'companies' | 'contacts' | 'activities';

export type SavedViewsTable = {
  id: Generated<number>;
  ownerId: number;
  resource: ListResource;
  name: string;
  query: ColumnType<Record<string, string>, string, string>;
  columns: ColumnType<string[], string, string>;
  shared: Generated<boolean>;
  version: Generated<number>;
  createdAt: Created;
  updatedAt: Timestamp;
};

export type CalendarFeedsTable = {
  userId: number;
  tokenHash: string;
  createdAt: Created;
  lastUsedAt: Timestamp | null;
};

export type DB = {
  settings: SettingsTable;
  industries: SetupEntryTable;
  targetGroups: SetupEntryTable;
  interestTypes: SetupEntryTable;
  activityTypes: SetupEntryTable & { key: string | null };
  opportunityTypes: SetupEntryTable;
  sources: SetupEntryTable;
  lossReasons: SetupEntryTable;
  winReasons: SetupEntryTable;
  regions: SetupEntryTable;
  departments: SetupEntryTable;
  customerProfiles: SetupEntryTable & {
    paymentTermsDays: number | null;
    currency: string | null;
    priceList: string | null;
  };
  currencies: SetupEntryTable & { code: string | null };
  users: UsersTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  authEvents: AuthEventsTable;
  signInThrottles: SignInThrottlesTable;
  campaigns: CampaignsTable;
  competitors: CompetitorsTable;
  companies: CompaniesTable;
  companyInterestTypes: CompanyInterestTypesTable;
  contacts: ContactsTable;
  salesProcesses: SalesProcessesTable;
  stages: StagesTable;
  opportunities: OpportunitiesTable;
  opportunitySteps: OpportunityStepsTable;
  opportunitySellers: OpportunitySellersTable;
  opportunityCompetitors: OpportunityCompetitorsTable;
  opportunityClosings: OpportunityClosingsTable;
  activities: ActivitiesTable;
  activityParticipants: ActivityParticipantsTable;
  changeHistory: ChangeHistoryTable;
  opportunityFollowUps: OpportunityFollowUpsTable;
  attachments: AttachmentsTable;
  savedViews: SavedViewsTable;
  calendarFeeds: CalendarFeedsTable;
};

export type Db = import('kysely').Kysely<DB>;
