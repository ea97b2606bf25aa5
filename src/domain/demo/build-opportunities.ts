// Demo opportunities over the default sales process: stages, statuses, amounts, sellers and steps.
import {
  entryId,
  type DemoCampaign,
  type DemoCompany,
  type DemoContact,
  type DemoOpportunity,
  type DemoSetup,
  type DemoStatus,
  type DemoUser,
} from './demo-model.ts';
import { pickId, SELLER_INDEXES } from './build-companies.ts';
import { CLOSE_NOTES, OPPORTUNITY_DESCRIPTIONS, OPPORTUNITY_TITLES } from './demo-texts.ts';
import { COUNTRIES } from './nordic-words.ts';
import { addDays, daysBetween, stamp, type Random } from './random.ts';

export const OPPORTUNITY_COUNT = 400;

// exact shares, shuffled: 60 % open, 20 % won, 15 % lost, 5 % expired
const STATUS_SHARES: [DemoStatus, number][] = [
  ['open', 0.6],
  ['won', 0.2],
  ['lost', 0.15],
  ['expired', 0.05],
];
// open deals thin out towards the end of the process
const OPEN_STAGE_WEIGHTS = [35, 30, 20, 15];

const hundreds = (value: number) => Math.round(value / 100) * 100;

/** 25 000 – 2 500 000 (in euro up to 330 000), many small deals and few large ones (log-uniform), rounded to hundreds. */
function dealAmount(random: Random, currency: string): number {
  const max = currency === 'EUR' ? 330_000 : 2_500_000;
  return Math.min(max, Math.max(25_000, hundreds(25_000 * Math.pow(max / 25_000, random.next()))));
}

type Draft = Omit<DemoOpportunity, 'number'> & { createdDays: number };

/** About 400 opportunities: ~60 % open, 20 % won, 15 % lost, 5 % expired, numbered by creation time. */
export function buildOpportunities(
  random: Random,
  setup: DemoSetup,
  users: DemoUser[],
  companies: DemoCompany[],
  contacts: DemoContact[],
  campaigns: DemoCampaign[],
  competitorCount: number,
  today: string,
): DemoOpportunity[] {
  const contactsOf = new Map<number, number[]>();
  contacts.forEach((contact, index) => contactsOf.set(contact.companyIndex, [...(contactsOf.get(contact.companyIndex) ?? []), index]));
  const customers = companies.flatMap((company, index) => (company.status === 'active' ? [index] : []));
  const lastStage = setup.stages.length - 1;
  const existingTypes = ['Existing customer', 'Renewal', 'Upsell'].map((name, i) => entryId(setup.opportunityTypes, name, i + 1));
  const newBusiness = entryId(setup.opportunityTypes, 'New business');
  const competitorLoss = setup.lossReasons.find((reason) => reason.name === 'Chose a competitor')?.id;
  const keyAccounts = entryId(setup.departments, 'Key accounts', 1);

  const statuses = random.sample(
    STATUS_SHARES.flatMap(([status, share]) => Array.from({ length: Math.round(share * OPPORTUNITY_COUNT) }, () => status)),
    OPPORTUNITY_COUNT,
  );
  const drafts: Draft[] = [];
  for (const status of statuses) {
    // a won deal made its company a customer
    const companyIndex = status === 'won' && customers.length > 0 ? random.pick(customers) : random.int(0, companies.length - 1);
    const company = companies[companyIndex] as DemoCompany;
    const words = COUNTRIES[company.country];
    const companyContacts = contactsOf.get(companyIndex) ?? [];
    const contactIndex = random.chance(0.6) ? (companyContacts[0] as number) : random.pick(companyContacts);
    const ownerIndex = random.chance(0.85) ? company.ownerIndex : random.pick(SELLER_INDEXES);
    const owner = users[ownerIndex] as DemoUser;

    // days relative to today: the decision first, the creation before it (and after the company's),
    // closing around the decision and never later than yesterday
    const open = status === 'open';
    const companyCreatedDays = daysBetween(today, company.createdAt.slice(0, 10));
    const plannedDecision = open ? (random.chance(0.12) ? -random.int(1, 45) : random.int(0, 240)) : -random.int(3, 120);
    const createdDays = Math.max(companyCreatedDays + 1, Math.min(plannedDecision - random.int(20, 150), -random.int(1, 60)));
    const decisionDays = Math.max(plannedDecision, createdDays + 20);
    const closeDays = open ? null : Math.min(decisionDays + random.int(-14, 7), -1);
    const decisionDate = addDays(today, decisionDays);

    const stageIndex =
      status === 'won'
        ? lastStage
        : open
          ? Math.min(lastStage, random.weighted(OPEN_STAGE_WEIGHTS.map((weight, k) => [k, weight] as const)))
          : random.int(0, Math.max(0, lastStage - (status === 'expired' ? 1 : 0)));
    const stageProbability = setup.stages[stageIndex]?.probability ?? 0;

    const [titleTemplate, recurring] = random.pick(OPPORTUNITY_TITLES[words.language]);
    const amount = dealAmount(random, words.currency);
    const margin = hundreds(amount * (0.2 + random.next() * 0.25));
    const lossReasonId = status === 'lost' ? pickId(random, setup.lossReasons) : null;

    drafts.push({
      title: titleTemplate.replace('{year}', String(agreementYear(decisionDate))),
      description: random.pick(OPPORTUNITY_DESCRIPTIONS[words.language]),
      companyIndex,
      contactIndex,
      ownerIndex,
      stageIndex,
      status,
      probability: open ? stageProbability : status === 'won' ? 100 : 0,
      amount,
      currency: words.currency,
      actualAmount: status === 'won' ? hundreds(amount * (0.9 + random.next() * 0.15)) : null,
      margin,
      annualMargin: recurring ? margin : null,
      decisionDate,
      deliveryDate:
        status === 'won' && closeDays !== null
          ? addDays(today, closeDays + random.int(14, 90))
          : open && random.chance(0.5)
            ? addDays(decisionDate, random.int(14, 60))
            : null,
      closeDate: closeDays === null ? null : addDays(today, closeDays),
      // a follow-up date on 40 % of open deals, some already passed; the matching task is an activity
      followUpDate: open && random.chance(0.4) ? addDays(today, random.chance(0.2) ? -random.int(1, 10) : random.int(1, 21)) : null,
      priority: random.weighted([
        ['normal', 70],
        ['high', 15],
        ['low', 15],
      ] as const),
      rating: random.chance(0.6) ? random.int(1, 5) : null,
      typeId: company.status === 'active' ? (random.pick(existingTypes) ?? newBusiness) : newBusiness,
      sourceId: random.chance(0.7) ? company.sourceId : pickId(random, setup.sources),
      campaignIndex: random.chance(0.1) ? random.int(0, campaigns.length - 1) : null,
      regionId: owner.regionId,
      departmentId: amount >= 1_000_000 ? keyAccounts : owner.departmentId,
      lossReasonId,
      winReasonId: status === 'won' ? pickId(random, setup.winReasons) : null,
      winnerCompetitorIndex:
        lossReasonId !== null && lossReasonId === competitorLoss && competitorCount > 0 ? random.int(0, competitorCount - 1) : null,
      closeNote: status === 'open' ? null : CLOSE_NOTES[words.language][status],
      createdDays,
      createdAt: stamp(today, createdDays, random.int(7, 15), random.int(0, 59)),
      updatedAt:
        closeDays !== null
          ? stamp(today, closeDays, random.int(12, 16), random.int(0, 59))
          : stamp(today, random.int(createdDays, -1), random.int(7, 16), random.int(0, 59)),
      lastActivityAt: null,
      steps: [],
      sellers: [],
    });
  }

  // numbers follow creation time, as they would have been handed out
  drafts.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return drafts.map(({ createdDays, ...draft }, i) => ({
    ...draft,
    number: i + 1,
    steps: steps(random, setup, draft, createdDays, today),
    sellers: sellers(random, draft.ownerIndex),
  }));
}

/** O-7: steps before the current stage are done; the current one and later are to do; won has all done. */
function steps(
  random: Random,
  setup: DemoSetup,
  draft: Omit<Draft, 'createdDays'>,
  createdDays: number,
  today: string,
): DemoOpportunity['steps'] {
  const end = Math.max(createdDays, Math.min(-1, draft.closeDate === null ? -1 : daysBetween(today, draft.closeDate)));
  return setup.stages.map((_, stageIndex) => {
    const done = draft.status === 'won' || stageIndex < draft.stageIndex;
    const day = done ? createdDays + Math.round(((end - createdDays) * (stageIndex + 1)) / (setup.stages.length + 1)) : createdDays;
    return { stageIndex, state: done ? 'done' : 'todo', changedAt: stamp(today, day, random.int(8, 16), random.int(0, 59)) };
  });
}

/** O-16/O-17: the owner sells alone at 100 %; about one deal in ten is shared 50/50 with a colleague. */
function sellers(random: Random, ownerIndex: number): DemoOpportunity['sellers'] {
  if (!random.chance(0.1)) return [{ userIndex: ownerIndex, share: 100, position: 1 }];
  const colleague = random.pick(SELLER_INDEXES.filter((index) => index !== ownerIndex));
  return [
    { userIndex: ownerIndex, share: 50, position: 1 },
    { userIndex: colleague, share: 50, position: 2 },
  ];
}

// an agreement decided in the autumn runs from next year
function agreementYear(decisionDate: string): number {
  return Number(decisionDate.slice(0, 4)) + (Number(decisionDate.slice(5, 7)) >= 9 ? 1 : 0);
}
