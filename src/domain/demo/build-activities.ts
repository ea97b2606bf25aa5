// Demo activities: done ones in the past, open ones in the coming weeks, some overdue.
import type { DemoActivity, DemoCompany, DemoContact, DemoOpportunity, DemoSetup } from './demo-model.ts';
import { ACTIVITY_SUBJECTS, type DemoActivityType } from './demo-texts.ts';
import { COUNTRIES } from './nordic-words.ts';
import { addDays, daysBetween, stamp, type Random } from './random.ts';

type Link = {
  ownerIndex: number;
  companyIndex: number;
  contactIndex: number | null;
  opportunityIndex: number | null;
  campaignIndex: number | null;
};

/** About two activities per opportunity plus a few on companies alone; every follow-up date has its task (O-21). */
export function buildActivities(
  random: Random,
  setup: DemoSetup,
  companies: DemoCompany[],
  contacts: DemoContact[],
  opportunities: DemoOpportunity[],
  today: string,
): DemoActivity[] {
  const known = new Set(setup.activityTypes);
  const fallback = setup.activityTypes[0];
  if (fallback === undefined) return [];
  const typeKey = (type: DemoActivityType) => (known.has(type) ? type : fallback);
  const primaryOf = new Map<number, number>();
  contacts.forEach((contact, index) => {
    if (contact.isPrimary) primaryOf.set(contact.companyIndex, index);
  });
  const activities: DemoActivity[] = [];

  /** One activity on `day` (days from today); done ones lie in the past, `createdDay` is the earliest it can be made. */
  const add = (type: DemoActivityType, link: Link, day: number, done: boolean, createdDay: number, subject?: string, text?: string) => {
    const company = companies[link.companyIndex] as DemoCompany;
    const language = COUNTRIES[company.country].language;
    const timed = type === 'meeting' || (type === 'call' && random.chance(0.4));
    const hour = random.int(8, 15);
    const minute = random.pick([0, 30]);
    const made = Math.min(-1, Math.max(createdDay, day - random.int(0, 10)));
    activities.push({
      type: typeKey(type),
      subject: subject ?? random.pick(ACTIVITY_SUBJECTS[language][type]),
      text: text ?? null,
      dueDate: addDays(today, day),
      dueTime: timed ? `${String(hour).padStart(2, '0')}:${minute === 0 ? '00' : '30'}` : null,
      durationMinutes: type === 'meeting' ? random.pick([60, 90, 120]) : type === 'call' ? random.pick([15, 30]) : null,
      done,
      doneAt: done ? stamp(today, day, hour, minute + 15) : null,
      ...link,
      // made before it was done, never in the future
      createdAt: stamp(today, made, 7, random.int(0, 59)),
    });
  };
  const pastType = () =>
    random.weighted([
      ['call', 4],
      ['meeting', 2],
      ['email_out', 2],
      ['note', 1],
    ] as const);

  opportunities.forEach((opportunity, opportunityIndex) => {
    const link: Link = {
      ownerIndex: opportunity.ownerIndex,
      companyIndex: opportunity.companyIndex,
      contactIndex: opportunity.contactIndex,
      opportunityIndex,
      campaignIndex: null,
    };
    const createdDay = daysBetween(today, opportunity.createdAt.slice(0, 10));
    const lastDay = opportunity.closeDate === null ? -1 : daysBetween(today, opportunity.closeDate);
    const doneCount = random.int(1, 2);
    for (let k = 0; k < doneCount; k++) {
      add(
        pastType(),
        { ...link, campaignIndex: k === 0 ? opportunity.campaignIndex : null },
        random.int(createdDay, lastDay),
        true,
        createdDay,
      );
    }
    if (opportunity.status !== 'open') return;
    if (opportunity.followUpDate !== null) {
      add('task', link, daysBetween(today, opportunity.followUpDate), false, createdDay, opportunity.title, opportunity.description);
    }
    if (random.chance(0.25)) add(random.pick(['meeting', 'call'] as const), link, random.int(1, 30), false, createdDay);
    if (random.chance(0.1)) add('call', link, -random.int(1, 14), false, createdDay);
  });

  companies.forEach((company, companyIndex) => {
    if (!random.chance(0.25)) return;
    const link: Link = {
      ownerIndex: company.ownerIndex,
      companyIndex,
      contactIndex: primaryOf.get(companyIndex) ?? null,
      opportunityIndex: null,
      campaignIndex: null,
    };
    const createdDay = daysBetween(today, company.createdAt.slice(0, 10));
    if (random.chance(0.7)) add(random.pick(['call', 'note'] as const), link, random.int(createdDay, -1), true, createdDay);
    else add('task', link, random.int(-10, 20), false, createdDay);
  });
  return activities;
}

/** The latest done activity of each opportunity, for stagnation (O-22). */
export function withLastActivity(opportunities: DemoOpportunity[], activities: DemoActivity[]): DemoOpportunity[] {
  const latest = new Map<number, string>();
  for (const activity of activities) {
    if (activity.opportunityIndex === null || activity.doneAt === null) continue;
    const seen = latest.get(activity.opportunityIndex);
    if (seen === undefined || activity.doneAt > seen) latest.set(activity.opportunityIndex, activity.doneAt);
  }
  return opportunities.map((opportunity, index) => ({ ...opportunity, lastActivityAt: latest.get(index) ?? null }));
}
