// Demo users, campaigns, competitors, companies and contacts, made from a seeded random source.
import { makeOrgNumber, validateOrgNumber } from '../companies/org-number.ts';
import {
  entryId,
  type DemoCampaign,
  type DemoCompany,
  type DemoCompetitor,
  type DemoContact,
  type DemoSetup,
  type DemoUser,
} from './demo-model.ts';
import { COUNTRIES, asciiSlug, type CountryCode } from './nordic-words.ts';
import { addDays, daysBetween, stamp, type Random } from './random.ts';

export const COMPANY_COUNT = 200;
const FIRST_ACCOUNT_NUMBER = 10001;

/** Four sellers (two in Denmark, one each in Norway and Sweden) and their sales manager. */
export function buildUsers(setup: DemoSetup): DemoUser[] {
  const sales = entryId(setup.departments, 'Sales');
  const user = (
    name: string,
    initials: string,
    role: DemoUser['role'],
    region: string,
    regionPosition: number,
    language: DemoUser['language'],
    countries: CountryCode[],
  ): DemoUser => ({
    name,
    initials,
    email: `${asciiSlug(name, '.')}@demo.trakt.example`,
    role,
    regionId: entryId(setup.regions, region, regionPosition),
    departmentId: sales,
    language,
    countries,
  });
  return [
    user('Mette Rasmussen', 'MR', 'seller', 'Denmark', 0, 'da', ['DK', 'DE']),
    user('Ingrid Haugen', 'IH', 'seller', 'Norway', 1, 'nb', ['NO']),
    user('Erik Lindqvist', 'EL', 'seller', 'Sweden', 2, 'sv', ['SE', 'FI']),
    user('Søren Kristensen', 'SK', 'seller', 'Denmark', 0, 'da', ['DK']),
    user('Camilla Holm', 'CH', 'manager', 'Denmark', 0, 'en', []),
  ];
}

export const SELLER_INDEXES = [0, 1, 2, 3];

/** A few campaigns around today: finished, running and planned. */
export function buildCampaigns(today: string): DemoCampaign[] {
  const campaign = (name: string, type: string, start: number, end: number, cost: number): DemoCampaign => ({
    name,
    type,
    startDate: addDays(today, start),
    endDate: addDays(today, end),
    cost,
    status: end < 0 ? 'completed' : start > 0 ? 'planned' : 'active',
  });
  return [
    campaign('Nyhedsbrev: nye serviceaftaler', 'Email', -110, -80, 4_500),
    campaign('Fagmesse Herning', 'Trade fair', -65, -62, 85_000),
    campaign('Telefonkampanj Västsverige', 'Telemarketing', -45, 15, 30_000),
    campaign('Webinar: ERP for SMB', 'Webinar', -20, 10, 12_000),
    campaign('Kundeseminar Oslo', 'Event', 30, 30, 40_000),
  ];
}

export function buildCompetitors(): DemoCompetitor[] {
  return [
    { name: 'NordSoft', strengths: 'Low licence price, strong in Denmark', weaknesses: 'Slow support, few integrations', rating: 4 },
    { name: 'Baltic Systems', strengths: 'Large development team', weaknesses: 'Weak Nordic localisation', rating: 3 },
    { name: 'Fjordline Data', strengths: 'Good references in Norwegian industry', weaknesses: 'Small, long delivery times', rating: 3 },
    { name: 'Skagerrak Solutions', strengths: 'Flexible consultants', weaknesses: 'Expensive projects', rating: 2 },
    { name: 'Öresund IT', strengths: 'Strong in Skåne and Zealand, aggressive pricing', weaknesses: 'Thin product roadmap', rating: 4 },
    { name: 'Polar Consulting', strengths: 'Well known among CFOs', weaknesses: 'No own product', rating: 2 },
  ];
}

const COUNTRY_WEIGHTS: [CountryCode, number][] = [
  ['DK', 40],
  ['NO', 27],
  ['SE', 27],
  ['FI', 3.5],
  ['DE', 2.5],
];

/** A company name that sounds like its country: "Fjordbyg ApS", "Kjær Maskinfabrik A/S", "Svensk Logistik AB". */
function companyName(random: Random, country: CountryCode): { name: string; core: string } {
  const words = COUNTRIES[country];
  const legal = random.weighted(words.legalForms);
  const form = random.weighted([
    ['glued', 5],
    ['family', 3],
    ['region', 2],
  ] as const);
  const core =
    form === 'glued'
      ? `${random.pick(words.namePrefixes)}${random.pick(words.nameTrades)}`
      : form === 'family'
        ? `${random.pick(words.lastNames)} ${random.pick(words.tradeWords)}`
        : `${random.pick(words.regionWords)} ${random.pick(words.tradeWords)}`;
  return { name: `${core} ${legal}`, core };
}

function digits(random: Random): () => string {
  return () => `${random.int(1, 9)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** About 200 companies over DK, NO and SE (and a few FI and DE); about a quarter are customers. */
export function buildCompanies(
  random: Random,
  setup: DemoSetup,
  users: DemoUser[],
  campaigns: DemoCampaign[],
  today: string,
): DemoCompany[] {
  const names = new Set<string>();
  const orgNumbers = new Set<string>();
  const companies: DemoCompany[] = [];
  const sellersOf = (country: CountryCode) => SELLER_INDEXES.filter((index) => users[index]?.countries.includes(country));
  for (let i = 0; i < COMPANY_COUNT; i++) {
    const country = random.weighted(COUNTRY_WEIGHTS);
    const words = COUNTRIES[country];
    let generated = companyName(random, country);
    while (names.has(generated.name.toLowerCase())) generated = companyName(random, country);
    names.add(generated.name.toLowerCase());

    // a number no other demo company has, stored without grouping like the companies module does
    let seed = i + 1;
    let orgNumber = makeOrgNumber(country, seed);
    while (orgNumbers.has(orgNumber)) orgNumber = makeOrgNumber(country, (seed += COMPANY_COUNT));
    orgNumbers.add(orgNumber);
    const checked = validateOrgNumber(country, orgNumber);

    const [postalCode, city, area] = random.pick(words.cities);
    const domain = `${asciiSlug(generated.core)}.${words.tld}`;
    const owners = sellersOf(country);
    const ownerIndex = random.chance(0.1) || owners.length === 0 ? random.pick(SELLER_INDEXES) : random.pick(owners);
    const customer = random.chance(0.25);
    const accountNumber = String(FIRST_ACCOUNT_NUMBER + i);
    // leads from a campaign were registered while it ran; most other companies are years old
    const campaignIndex = random.chance(0.15) ? random.int(0, Math.min(2, campaigns.length - 1)) : null;
    const campaign = campaignIndex === null ? undefined : campaigns[campaignIndex];
    const createdDays = campaign
      ? random.int(daysBetween(today, campaign.startDate), Math.min(-30, daysBetween(today, campaign.endDate)))
      : random.chance(0.8)
        ? -random.int(300, 1500)
        : -random.int(30, 299);
    companies.push({
      accountNumber,
      name: generated.name,
      // a short keyword in capitals, as the old systems had it
      searchName: generated.core.replace(/[\s-]/g, '').toUpperCase().slice(0, 15),
      status: customer ? 'active' : 'prospect',
      // the customer number follows the account number, as in the ledgers the seeds came from
      customerNumber: customer ? accountNumber : null,
      orgNumber: checked.ok ? checked.normalized : orgNumber,
      street: `${random.pick(words.streets)} ${random.int(1, 140)}`,
      postalCode,
      city,
      country,
      phone: words.phone(area, digits(random)),
      email: `${words.mailbox}@${domain}`,
      website: `https://www.${domain}`,
      domain,
      ownerIndex,
      industryId: pickId(random, setup.industries),
      // mostly small and mid-sized firms
      targetGroupId:
        setup.targetGroups.length === 0
          ? null
          : random.weighted(setup.targetGroups.map((entry, position) => [entry.id, [5, 3, 1, 1][position] ?? 1] as const)),
      sourceId: pickId(random, setup.sources),
      campaignIndex,
      customerProfileId: customer ? (setup.customerProfiles.find((profile) => profile.currency === words.currency)?.id ?? null) : null,
      interestTypeIds: random.sample(
        setup.interestTypes.map((entry) => entry.id),
        random.int(0, 3),
      ),
      createdAt: stamp(today, createdDays, random.int(7, 15), random.int(0, 59)),
    });
  }
  return companies;
}

/** Two or three people per company: the first is the primary contact, the second the default reference. */
export function buildContacts(random: Random, companies: DemoCompany[]): DemoContact[] {
  const contacts: DemoContact[] = [];
  companies.forEach((company, companyIndex) => {
    const words = COUNTRIES[company.country];
    const count = random.int(2, 3);
    const used = new Set<string>();
    const mailboxes = new Set<string>();
    const titles = random.sample(words.otherTitles, count - 1);
    for (let k = 0; k < count; k++) {
      let firstName = random.pick(words.firstNames);
      let lastName = random.pick(words.lastNames);
      while (used.has(`${firstName} ${lastName}`)) {
        firstName = random.pick(words.firstNames);
        lastName = random.pick(words.lastNames);
      }
      used.add(`${firstName} ${lastName}`);
      // Danish firms often give people their initials as mailbox
      const initials = asciiSlug(`${firstName.slice(0, 1)}${lastName.slice(0, 2)}`, '');
      const local =
        company.country === 'DK' && random.chance(0.3) && !mailboxes.has(initials) ? initials : asciiSlug(`${firstName} ${lastName}`, '.');
      mailboxes.add(local);
      contacts.push({
        companyIndex,
        firstName,
        lastName,
        title: k === 0 ? random.pick(words.primaryTitles) : (titles[k - 1] ?? random.pick(words.otherTitles)),
        email: `${local}@${company.domain}`,
        // a direct line has the company's area code
        phone: random.chance(0.6) ? words.phone(areaOf(company), digits(random)) : null,
        mobile: words.phone(null, digits(random)),
        isPrimary: k === 0,
        isDefaultReference: k === 1,
        // registered together with the company, so every opportunity's contact existed before it
        createdAt: new Date(Date.parse(company.createdAt) + (k + 1) * 60_000).toISOString(),
      });
    }
  });
  return contacts;
}

function areaOf(company: DemoCompany): string | null {
  const city = COUNTRIES[company.country].cities.find(([postal]) => postal === company.postalCode);
  return city?.[2] ?? null;
}

/** A random entry's id, or none when the list is empty. */
export function pickId(random: Random, list: readonly { id: number }[]): number | null {
  return list.length === 0 ? null : random.pick(list).id;
}
