// Demo data (setup page "load demo data", TRAKT_DEMO=1, `trakt seed`): a Nordic sales team with
// companies, contacts, opportunities and activities, the same every time for the same day.
import type { Kysely } from 'kysely';
import {
  insertActivities,
  insertCampaigns,
  insertCompanies,
  insertCompanyInterests,
  insertCompetitorsKeepingExisting,
  insertContacts,
  insertOpportunities,
  insertOpportunitySellers,
  insertOpportunitySteps,
  insertUsersKeepingExisting,
  lockAndCountCompanies,
  readDemoSetup,
} from '../../db/demo.ts';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { buildActivities, withLastActivity } from './build-activities.ts';
import { buildCampaigns, buildCompanies, buildCompetitors, buildContacts, buildUsers } from './build-companies.ts';
import { buildOpportunities } from './build-opportunities.ts';
import type { DemoData, DemoSetup } from './demo-model.ts';
import { createRandom, localToday } from './random.ts';

/** Every demo user signs in with this password (it is printed in the README). */
export const DEMO_PASSWORD = 'demo-password-123';

const SEED = 20_260_101;

/** Rows written; `users` counts only demo users that did not exist yet. */
export type DemoCounts = { users: number; companies: number; contacts: number; opportunities: number; activities: number };

/** Generates the demo data without touching the database: the same setup and day give the same data. */
export function buildDemoData(setup: DemoSetup, today: string): DemoData {
  const random = createRandom(SEED);
  const users = buildUsers(setup);
  const campaigns = buildCampaigns(today);
  const competitors = buildCompetitors();
  const companies = buildCompanies(random, setup, users, campaigns, today);
  const contacts = buildContacts(random, companies);
  const opportunities = buildOpportunities(random, setup, users, companies, contacts, campaigns, competitors.length, today);
  const activities = buildActivities(random, setup, companies, contacts, opportunities, today);
  return { users, campaigns, competitors, companies, contacts, opportunities: withLastActivity(opportunities, activities), activities };
}

/**
 * Loads the demo data in one transaction (the caller's, when `db` is one, e.g. the setup page's);
 * refuses when the database already has companies.
 * `today` ('YYYY-MM-DD', default this machine's date) anchors every date, so the demo always looks current.
 */
export async function loadDemoData({ db, today = localToday() }: { db: Kysely<DB>; today?: string }): Promise<DemoCounts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`Demo data needs today's date as YYYY-MM-DD, not "${today}".`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const load = async (trx: Kysely<DB>): Promise<DemoCounts> => {
    // a second load started at the same time waits here, then sees the first one's companies
    if ((await lockAndCountCompanies(trx)) > 0) {
      throw new Error('Demo data can only be loaded into an empty database: there are already companies.');
    }
    const setup = await readSetup(trx);
    const data = buildDemoData(setup, today);
    return insertDemoData(trx, data, setup, passwordHash);
  };
  // Kysely cannot nest transactions: inside one, the caller's transaction is the one
  return db.isTransaction ? load(db) : db.transaction().execute(load);
}

async function readSetup(trx: Kysely<DB>): Promise<DemoSetup> {
  // only active entries: deactivated ones must not appear on new records
  const { processId, ...setup } = await readDemoSetup(trx);
  if (processId === null) throw new Error('Demo data needs a default sales process.');
  if (setup.stages.length === 0) throw new Error('The default sales process has no stages.');
  return { ...setup, processId };
}

const at = (ids: number[], index: number): number => {
  const id = ids[index];
  if (id === undefined) throw new Error(`Demo data: no row at index ${index}.`);
  return id;
};
const atOrNull = (ids: number[], index: number | null) => (index === null ? null : at(ids, index));

async function insertDemoData(trx: Kysely<DB>, data: DemoData, setup: DemoSetup, passwordHash: string): Promise<DemoCounts> {
  // demo users may survive from an earlier demo whose companies were deleted: keep them
  const users = await insertUsersKeepingExisting(
    trx,
    data.users.map(({ countries: _countries, ...user }) => ({ ...user, passwordHash })),
  );
  const userIds = data.users.map((user) => {
    const id = users.idByEmail.get(user.email.toLowerCase());
    if (id === undefined) throw new Error(`Demo data: user ${user.email} is missing.`);
    return id;
  });

  const campaignIds = await insertCampaigns(trx, data.campaigns);
  // competitors are a global list an admin may have started already
  const competitorIds = await insertCompetitorsKeepingExisting(trx, data.competitors);

  const companyIds = await insertCompanies(
    trx,
    data.companies.map(({ domain: _domain, interestTypeIds: _interests, ownerIndex, campaignIndex, ...company }) => {
      const ownerId = at(userIds, ownerIndex);
      return {
        ...company,
        ownerId,
        campaignId: atOrNull(campaignIds, campaignIndex),
        createdBy: ownerId,
        updatedAt: company.createdAt,
        updatedBy: ownerId,
      };
    }),
  );
  await insertCompanyInterests(
    trx,
    data.companies.flatMap((company, index) =>
      company.interestTypeIds.map((interestTypeId) => ({ companyId: at(companyIds, index), interestTypeId })),
    ),
  );

  const contactIds = await insertContacts(
    trx,
    data.contacts.map(({ companyIndex, ...contact }) => {
      const ownerId = at(userIds, data.companies[companyIndex]?.ownerIndex ?? 0);
      return { ...contact, companyId: at(companyIds, companyIndex), createdBy: ownerId, updatedAt: contact.createdAt, updatedBy: ownerId };
    }),
  );

  const stageId = (index: number) => setup.stages[index]?.id ?? null;
  const opportunityIds = await insertOpportunities(
    trx,
    data.opportunities.map(
      ({
        steps: _steps,
        sellers: _sellers,
        companyIndex,
        contactIndex,
        ownerIndex,
        stageIndex,
        campaignIndex,
        winnerCompetitorIndex,
        ...opportunity
      }) => {
        const ownerId = at(userIds, ownerIndex);
        return {
          ...opportunity,
          companyId: at(companyIds, companyIndex),
          contactId: at(contactIds, contactIndex),
          ownerId,
          processId: setup.processId,
          stageId: stageId(stageIndex),
          probabilityMode: 'stage' as const,
          campaignId: atOrNull(campaignIds, campaignIndex),
          winnerCompetitorId: atOrNull(competitorIds, winnerCompetitorIndex),
          createdBy: ownerId,
          updatedBy: ownerId,
        };
      },
    ),
  );
  await insertOpportunitySteps(
    trx,
    data.opportunities.flatMap((opportunity, index) =>
      opportunity.steps.map((step) => ({
        opportunityId: at(opportunityIds, index),
        stageId: at(
          setup.stages.map((stage) => stage.id),
          step.stageIndex,
        ),
        state: step.state,
        changedAt: step.changedAt,
      })),
    ),
  );
  await insertOpportunitySellers(
    trx,
    data.opportunities.flatMap((opportunity, index) =>
      opportunity.sellers.map((seller) => ({
        opportunityId: at(opportunityIds, index),
        userId: at(userIds, seller.userIndex),
        share: seller.share,
        position: seller.position,
      })),
    ),
  );

  const activityIds = await insertActivities(
    trx,
    data.activities.map(({ ownerIndex, companyIndex, contactIndex, opportunityIndex, campaignIndex, ...activity }) => {
      const ownerId = at(userIds, ownerIndex);
      return {
        ...activity,
        ownerId,
        companyId: at(companyIds, companyIndex),
        contactId: atOrNull(contactIds, contactIndex),
        opportunityId: atOrNull(opportunityIds, opportunityIndex),
        campaignId: atOrNull(campaignIds, campaignIndex),
        createdBy: ownerId,
        updatedAt: activity.doneAt ?? activity.createdAt,
        updatedBy: ownerId,
      };
    }),
  );

  return {
    users: users.created,
    companies: companyIds.length,
    contacts: contactIds.length,
    opportunities: opportunityIds.length,
    activities: activityIds.length,
  };
}
