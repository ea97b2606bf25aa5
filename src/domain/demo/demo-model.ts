// The demo data as plain records, before it has database ids: records point at each other by their
// index in the generated lists, and at setup-list entries by the ids found in the database.
import type { CountryCode, Language } from './nordic-words.ts';

export type Named = { id: number; name: string };

/** What the demo data needs from the setup lists and the default sales process. */
export type DemoSetup = {
  regions: Named[];
  departments: Named[];
  industries: Named[];
  targetGroups: Named[];
  interestTypes: Named[];
  opportunityTypes: Named[];
  sources: Named[];
  lossReasons: Named[];
  winReasons: Named[];
  customerProfiles: (Named & { currency: string | null })[];
  /** Activity type keys that exist (activities refer to them) */
  activityTypes: string[];
  processId: number;
  /** Stages of the default process in their order */
  stages: { id: number; probability: number }[];
};

export type DemoUser = {
  name: string;
  initials: string;
  email: string;
  role: 'seller' | 'manager';
  regionId: number | null;
  departmentId: number | null;
  language: Language;
  /** Countries whose companies this seller owns */
  countries: CountryCode[];
};

export type DemoCampaign = {
  name: string;
  type: string;
  startDate: string;
  endDate: string;
  cost: number;
  status: 'planned' | 'active' | 'completed';
};

export type DemoCompetitor = { name: string; strengths: string; weaknesses: string; rating: number };

export type DemoCompany = {
  accountNumber: string;
  name: string;
  searchName: string;
  status: 'prospect' | 'active';
  customerNumber: string | null;
  orgNumber: string;
  street: string;
  postalCode: string;
  city: string;
  country: CountryCode;
  phone: string;
  email: string;
  website: string;
  domain: string;
  ownerIndex: number;
  industryId: number | null;
  targetGroupId: number | null;
  sourceId: number | null;
  campaignIndex: number | null;
  customerProfileId: number | null;
  interestTypeIds: number[];
  createdAt: string;
};

export type DemoContact = {
  companyIndex: number;
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  phone: string | null;
  mobile: string;
  isPrimary: boolean;
  isDefaultReference: boolean;
  createdAt: string;
};

export type DemoStatus = 'open' | 'won' | 'lost' | 'expired';

export type DemoOpportunity = {
  number: number;
  title: string;
  description: string;
  companyIndex: number;
  contactIndex: number;
  ownerIndex: number;
  /** Index into DemoSetup.stages */
  stageIndex: number;
  status: DemoStatus;
  probability: number;
  amount: number;
  currency: string;
  actualAmount: number | null;
  margin: number;
  annualMargin: number | null;
  decisionDate: string;
  deliveryDate: string | null;
  closeDate: string | null;
  followUpDate: string | null;
  priority: 'low' | 'normal' | 'high';
  rating: number | null;
  typeId: number | null;
  sourceId: number | null;
  campaignIndex: number | null;
  regionId: number | null;
  departmentId: number | null;
  lossReasonId: number | null;
  winReasonId: number | null;
  winnerCompetitorIndex: number | null;
  closeNote: string | null;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string | null;
  steps: { stageIndex: number; state: 'todo' | 'done'; changedAt: string }[];
  sellers: { userIndex: number; share: number; position: number }[];
};

export type DemoActivity = {
  type: string;
  subject: string;
  text: string | null;
  dueDate: string;
  dueTime: string | null;
  durationMinutes: number | null;
  done: boolean;
  doneAt: string | null;
  ownerIndex: number;
  companyIndex: number;
  contactIndex: number | null;
  opportunityIndex: number | null;
  campaignIndex: number | null;
  createdAt: string;
};

export type DemoData = {
  users: DemoUser[];
  campaigns: DemoCampaign[];
  competitors: DemoCompetitor[];
  companies: DemoCompany[];
  contacts: DemoContact[];
  opportunities: DemoOpportunity[];
  activities: DemoActivity[];
};

/** The entry with this name, else the entry at `fallback`'s position, else none (admins may rename or remove). */
export function entryId(list: Named[], name: string, fallback = 0): number | null {
  return (list.find((entry) => entry.name === name) ?? list[fallback] ?? list[0])?.id ?? null;
}
