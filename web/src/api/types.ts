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
  key?: string | null;
  code?: string | null;
};

export type Stage = { id: number; name: string; probability: number; position: number };

export type SalesProcess = {
  id: number;
  name: string;
  isDefault: boolean;
  active: boolean;
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
  opportunityId: number | null;
  opportunityTitle: string | null;
  campaignId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
