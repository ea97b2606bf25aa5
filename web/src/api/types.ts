// The API's shapes under the names the pages use. Every one is taken from the types generated from the
// OpenAPI document (openapi.gen.ts, `npm run api:types`; CI fails when that file is stale), so the web
// reads exactly what the server documents and sends — nothing here is written by hand but the names.
import type { components, paths } from './openapi.gen.ts';

type Schemas = components['schemas'];
/** The JSON body of the 200 answer to GET `P`. */
type Got<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } }
  ? T
  : never;
/** One item of a list answer. */
type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Language = Settings['language'];
export const LANGUAGES: readonly Language[] = ['en', 'da', 'nb', 'sv'];

export type User = Schemas['User'];
export type Role = User['role'];
export type SessionAnswer = Schemas['Session'];
export type Instance = Got<'/api/instance'>;
export type Settings = Schemas['Settings'];

export type Page<T> = { items: T[]; nextCursor: string | null };

export type SetupListName = paths['/api/setup/{list}']['get']['parameters']['path']['list'];
export type SetupEntry = Schemas['SetupEntry'];
export type SalesProcess = Schemas['SalesProcess'];
export type Stage = SalesProcess['stages'][number];

export type Company = Schemas['Company'];
export type Contact = Schemas['Contact'];
export type CompanyDuplicate = ItemOf<Got<'/api/companies/duplicates'>>;

export type Opportunity = Schemas['Opportunity'];
export type OpportunityStatus = Opportunity['status'];
export type Priority = Opportunity['priority'];
export type ProbabilityMode = Opportunity['probabilityMode'];
export type DecisionColor = Opportunity['decisionColor'];
/** GET /api/opportunities/board (U-1): totals per stage, one line per currency, counted in SQL. */
export type BoardAnswer = Schemas['Board'];
export type Step = Schemas['OpportunityStep'];
export type StepState = Step['state'];
/** `version` is the opportunity's: it guards the seller list (O-25). */
export type SellerList = Schemas['SellerList'];
export type Seller = SellerList['sellers'][number];
/** A competitor on one opportunity: `competitorId` is the global one, null for a typed one-off name. */
export type CompetitorEntry = Schemas['OpportunityCompetitor'];
export type Closing = Schemas['OpportunityClosing'];
export type FollowUp = Schemas['FollowUp'];
/** L-5: the whole selection of an opportunity list (`summary=true`): counts over all of it, money per currency. */
export type OpportunitySummary = Schemas['OpportunitySummary'];
/** The sums of one currency's opportunities in a selection. */
export type CurrencyTotals = OpportunitySummary['byCurrency'][number];
/** O-12: each item of a bulk action succeeds or fails on its own. */
export type BulkAnswer = Schemas['BulkResult'];

export type Competitor = Schemas['Competitor'];
export type Activity = Schemas['Activity'];
export type HistoryItem = Schemas['HistoryItem'];

/** L-4: a named set of filters, sort (`query`, as in the list's URL) and columns. */
export type SavedView = Schemas['SavedView'];
export type ListResourceName = SavedView['resource'];
/** L-8: whether the caller has a calendar feed; its secret URL is shown only when made. */
export type CalendarFeedStatus = Got<'/api/calendar-feed'>;
