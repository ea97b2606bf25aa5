// Shapes of the API answers the UI reads (docs/api-contract-draft.md, SPEC "API conventions").

export type Language = 'en' | 'da' | 'nb' | 'sv';
export const LANGUAGES: readonly Language[] = ['en', 'da', 'nb', 'sv'];

export type Role = 'admin' | 'manager' | 'seller';

export type User = {
  id: number;
  name: string;
  initials: string;
  email: string;
  role: Role;
  regionId: number | null;
  departmentId: number | null;
  language: Language;
  active: boolean;
  version: number;
};

export type SessionAnswer = { user: User; csrfToken: string };

export type Instance = {
  needsSetup: boolean;
  companyName: string;
  baseCurrency: string;
  language: Language;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type SetupListName =
  | 'industries'
  | 'target-groups'
  | 'interest-types'
  | 'activity-types'
  | 'opportunity-types'
  | 'sources'
  | 'loss-reasons'
  | 'win-reasons'
  | 'regions'
  | 'departments'
  | 'customer-profiles'
  | 'currencies';

export type SetupEntry = {
  id: number;
  name: string;
  active: boolean;
  version: number;
  key?: string | null;
  code?: string | null;
  /** customer profiles (C-3): payment terms in days, currency code, price list */
  paymentTermsDays?: number | null;
  currency?: string | null;
  priceList?: string | null;
};

export type Stage = { id: number; name: string; probability: number; position: number };

export type SalesProcess = {
  id: number;
  name: string;
  isDefault: boolean;
  active: boolean;
  /** guards the process and its stage list (O-25) */
  version: number;
  stages: Stage[];
};

export type Company = {
  id: number;
  accountNumber: string;
  name: string;
  searchName: string | null;
  status: 'prospect' | 'active';
  customerNumber: string | null;
  supplierNumber: string | null;
  orgNumber: string | null;
  /** the organisation number in its country's written form (C-2) */
  orgNumberFormatted: string | null;
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
  interestTypeIds: number[];
  sourceId: number | null;
  campaignId: number | null;
  customerProfileId: number | null;
  notes: string | null;
  version: number;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
  updatedByInitials?: string | null;
};

export type Contact = {
  id: number;
  companyId: number;
  companyName: string | null;
  firstName: string;
  lastName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  isPrimary: boolean;
  isDefaultReference: boolean;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'expired';
export type Priority = 'low' | 'normal' | 'high';
export type ProbabilityMode = 'stage' | 'manual';
export type DecisionColor = 'red' | 'green' | 'blue' | null;

export type Opportunity = {
  id: number;
  number: number;
  title: string;
  description: string | null;
  companyId: number;
  companyName: string | null;
  contactId: number | null;
  ownerId: number;
  ownerInitials: string | null;
  sellerIds: number[];
  processId: number;
  stageId: number | null;
  stageName: string | null;
  status: OpportunityStatus;
  probability: number;
  probabilityMode: ProbabilityMode;
  amount: number | null;
  currency: string;
  weightedAmount: number | null;
  actualAmount: number | null;
  margin: number | null;
  marginPct: number | null;
  annualMargin: number | null;
  decisionDate: string | null;
  deliveryDate: string | null;
  closeDate: string | null;
  followUpDate: string | null;
  priority: Priority;
  rating: number | null;
  typeId: number | null;
  sourceId: number | null;
  campaignId: number | null;
  regionId: number | null;
  departmentId: number | null;
  lossReasonId: number | null;
  winReasonId: number | null;
  winnerCompetitorId: number | null;
  stagnant: boolean;
  decisionColor: DecisionColor;
  version: number;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
  updatedByInitials: string | null;
};

export type Activity = {
  id: number;
  type: string;
  subject: string;
  text: string | null;
  dueDate: string | null;
  dueTime: string | null;
  durationMinutes: number | null;
  done: boolean;
  doneAt: string | null;
  ownerId: number;
  ownerInitials: string | null;
  companyId: number | null;
  companyName: string | null;
  contactId: number | null;
  contactName?: string | null;
  opportunityId: number | null;
  opportunityTitle: string | null;
  campaignId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Settings = {
  companyName: string;
  baseCurrency: string;
  language: Language;
  stagnationDays: number;
  sellersSeeOnlyOwn: boolean;
  /** one version for all settings (O-25) */
  version: number;
};

/** GET /api/opportunities/board (U-1): totals per stage, one line per currency, counted in SQL. */
export type BoardAnswer = {
  processId: number;
  processName: string;
  columns: {
    stageId: number;
    name: string;
    probability: number;
    count: number;
    totals: { currency: string; total: number; weighted: number }[];
  }[];
};

export type StepState = 'todo' | 'done' | 'cancelled';
export type Step = { stageId: number; name: string; probability: number; position: number; state: StepState };

export type Seller = { userId: number; name: string; initials: string; share: number };
/** `version` is the opportunity's: it guards the seller list (O-25). */
export type SellerList = { sellers: Seller[]; sum: number; warning: string | null; version: number };

export type Competitor = {
  id: number;
  name: string;
  website: string | null;
  strengths: string | null;
  weaknesses: string | null;
  rating: number | null;
  active: boolean;
  version: number;
};

/** A competitor on one opportunity: `competitorId` is the global one, null for a typed one-off name. */
export type CompetitorEntry = {
  id: number;
  competitorId: number | null;
  name: string;
  website: string | null;
  rating: number | null;
  threat: number;
  note: string | null;
  /** the entry's own version (O-25) */
  version: number;
};

export type HistoryItem = {
  id: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  changedAt: string;
  changedBy: number | null;
  changedByName: string | null;
  changedByInitials: string | null;
};

export type Closing = {
  id: number;
  outcome: 'won' | 'lost' | 'expired';
  closeDate: string;
  actualAmount: number | null;
  deliveryDate: string | null;
  winReasonId: number | null;
  lossReasonId: number | null;
  winnerCompetitorId: number | null;
  note: string | null;
  closedAt: string;
  closedBy: number | null;
  closedByInitials: string | null;
  reopenedAt: string | null;
  reopenedBy: number | null;
  reopenedByInitials: string | null;
};

export type FollowUp = {
  id: number;
  followUpDate: string;
  setAt: string;
  setBy: number | null;
  setByInitials: string | null;
  activityId: number | null;
};

/** An existing company that a new one may duplicate (C-6), from GET /api/companies/duplicates or POST's `warnings`. */
export type CompanyDuplicate = {
  id: number;
  name: string;
  accountNumber: string;
  matchedOn: ('name' | 'orgNumber' | 'emailDomain' | 'phone')[];
};

/** The sums of one currency's opportunities in a selection. */
export type CurrencyTotals = { currency: string; estimatedRevenue: number; pipeline: number; largest: number | null };

/** L-5: the whole selection of an opportunity list (`summary=true`): counts over all of it, money per currency. */
export type OpportunitySummary = {
  counts: { won: number; open: number; lost: number; expired: number };
  /** the base currency first, then the others by code; amounts in different currencies are never added */
  byCurrency: CurrencyTotals[];
  /** the sums of the selection's one currency; null when it has several */
  estimatedRevenue: number | null;
  pipeline: number | null;
  largest: number | null;
};

export type ListResourceName = 'opportunities' | 'companies' | 'contacts' | 'activities';

/** L-4: a named set of filters, sort (`query`, as in the list's URL) and columns. */
export type SavedView = {
  id: number;
  resource: ListResourceName;
  name: string;
  query: Record<string, string>;
  columns: string[];
  shared: boolean;
  ownerId: number;
  ownerName: string;
  /** the caller may change and delete it (its owner, or an admin) */
  editable: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** O-12: each item of a bulk action succeeds or fails on its own. */
export type BulkAnswer = {
  succeeded: number;
  failed: number;
  results: { id: number; ok: boolean; error?: { code: string; message: string } }[];
};

/** L-8: whether the caller has a calendar feed; its secret URL is shown only when made. */
export type CalendarFeedStatus = { active: boolean; createdAt: string | null; lastUsedAt: string | null };
