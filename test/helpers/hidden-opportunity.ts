// A database with one opportunity hidden from a seller by "sellers see only their own": it has
// a unique title, an odd amount, a unique id, history, a follow-up, a competitor, activities (one
// owned by the seller) and attachments; beside it, a visible opportunity at the same company.
import { sql } from 'kysely';
import { saveSettings } from '../../src/db/settings.ts';
import { addDays, todayIn } from '../../src/domain/opportunities/rules.ts';
import { startApi, type Client, type Json, type TestApi } from './api.ts';

export const HIDDEN = {
  title: 'Kvantefjord Zephyr 9c41',
  amount: 4321987.65,
  /** The amount in each way an export may write it: 4321987.65, 4,321,987.65, 4.321.987,65, 4 321 987,65 … */
  amountPattern: /4[\s.,\u00a0\u202f']?321[\s.,\u00a0\u202f']?987/,
  /** What the activities on the hidden opportunity say. */
  activityMarker: 'Skjultopgave',
  /** The hidden opportunity's id: above every other id in the database, so an id field holding it is that opportunity. */
  id: 7770001,
};

export type HiddenWorld = {
  api: TestApi;
  admin: Client;
  manager: Client;
  owner: Client;
  seller: Client;
  /** The seller's API token, for answers that are not JSON (exports, files, the calendar). */
  sellerToken: string;
  companyId: number;
  contactId: number;
  hidden: { id: number; number: number; version: number };
  visible: { id: number; version: number };
  hiddenActivities: number[];
  visibleActivities: number[];
  hiddenAttachments: number[];
  visibleAttachments: number[];
  calendarPath: string;
};

/** Uploads one text file with a Bearer token (multipart needs no CSRF header then). */
export async function uploadText(api: TestApi, token: string, url: string, fileName: string, text: string): Promise<Json> {
  const boundary = '----trakt-hidden-boundary';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
  );
  const response = await api.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` },
  });
  if (response.statusCode !== 201) throw new Error(`upload to ${url} failed: ${response.body}`);
  return response.json();
}

async function created(answer: Promise<{ status: number; body: Json }>, what: string): Promise<Json> {
  const { status, body } = await answer;
  if (status !== 201 && status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** Builds the data and switches "sellers see only their own" on. */
export async function buildHiddenWorld(): Promise<HiddenWorld> {
  const api = await startApi();
  const admin = await api.as('admin', 'Ada Admin');
  const manager = await api.as('manager', 'Mona Manager');
  const owner = await api.as('seller', 'Olav Owner');
  const seller = await api.as('seller', 'Sigrid Seller');
  const token = async (who: Client) => (await created(who.post('/api/auth/tokens', { name: 'hidden-test' }), 'token')).token as string;
  const ownerToken = await token(owner);
  const sellerToken = await token(seller);

  const today = todayIn('Europe/Copenhagen');
  const companyId = (await created(manager.post('/api/companies', { name: 'Fjordlys Fælles A/S', ownerId: null }), 'company')).id;
  const contactId = (await created(manager.post('/api/contacts', { companyId, firstName: 'Frida', lastName: 'Fælles' }), 'contact')).id;

  // no other row of any table comes near this id
  await sql`SELECT setval(pg_get_serial_sequence('opportunities', 'id'), ${HIDDEN.id - 1})`.execute(api.database.db);
  let hidden = await created(
    owner.post('/api/opportunities', {
      title: HIDDEN.title,
      companyId,
      contactId,
      amount: 98765.43,
      description: `${HIDDEN.title}: the secret plan`,
      followUpDate: addDays(today, 5),
    }),
    'hidden opportunity',
  );
  if (hidden.id !== HIDDEN.id) throw new Error(`the hidden opportunity got id ${hidden.id}`);
  hidden = await created(
    owner.patch(`/api/opportunities/${hidden.id}`, { amount: HIDDEN.amount, decisionDate: addDays(today, 30), version: hidden.version }),
    'history',
  );
  await created(owner.post(`/api/opportunities/${hidden.id}/competitors`, { name: 'Rivalen AS', threat: 4 }), 'competitor');
  await created(owner.post(`/api/opportunities/${hidden.id}/sellers`, { userId: manager.userId, share: 10 }), 'co-seller');
  hidden = (await owner.get(`/api/opportunities/${hidden.id}`)).body;

  const visible = await created(
    seller.post('/api/opportunities', { title: 'Synlig aftale', companyId, amount: 1000 }),
    'visible opportunity',
  );

  const hiddenActivities = [
    (
      await created(
        owner.post('/api/activities', {
          type: 'meeting',
          subject: `${HIDDEN.activityMarker} møde`,
          dueDate: addDays(today, 3),
          dueTime: '10:00',
          opportunityId: hidden.id,
          participantIds: [seller.userId],
        }),
        'meeting',
      )
    ).id,
    (
      await created(
        manager.post('/api/activities', {
          type: 'task',
          subject: `${HIDDEN.activityMarker} til Sigrid`,
          dueDate: addDays(today, 2),
          opportunityId: hidden.id,
          ownerId: seller.userId,
        }),
        'task',
      )
    ).id,
    (
      await created(
        owner.post('/api/activities', {
          type: 'call',
          subject: `${HIDDEN.activityMarker} opkald`,
          text: HIDDEN.title,
          opportunityId: hidden.id,
        }),
        'call',
      )
    ).id,
  ];
  const visibleActivities = [
    (
      await created(
        seller.post('/api/activities', { type: 'task', subject: 'Synlig opgave', dueDate: addDays(today, 1), opportunityId: visible.id }),
        'visible task',
      )
    ).id,
    (
      await created(
        owner.post('/api/activities', {
          type: 'meeting',
          subject: 'Fælles møde',
          dueDate: addDays(today, 4),
          companyId,
          participantIds: [seller.userId],
        }),
        'company meeting',
      )
    ).id,
  ];
  const hiddenAttachments = [
    (await uploadText(api, ownerToken, `/api/opportunities/${hidden.id}/attachments`, 'plan.txt', `${HIDDEN.title} ${HIDDEN.amount}`)).id,
    (
      await uploadText(
        api,
        ownerToken,
        `/api/activities/${hiddenActivities[2]}/attachments`,
        'referat.txt',
        `${HIDDEN.activityMarker} ${HIDDEN.title}`,
      )
    ).id,
  ];
  const visibleAttachments = [
    (await uploadText(api, sellerToken, `/api/opportunities/${visible.id}/attachments`, 'synlig.txt', 'Synlig')).id,
    (await uploadText(api, sellerToken, `/api/activities/${visibleActivities[0]}/attachments`, 'synlig-opgave.txt', 'Synlig opgave')).id,
  ];
  const calendarPath = (await created(seller.post('/api/calendar-feed'), 'calendar feed')).path as string;

  await saveSettings(api.database.db, { sellersSeeOnlyOwn: true });
  return {
    api,
    admin,
    manager,
    owner,
    seller,
    sellerToken,
    companyId,
    contactId,
    hidden: { id: hidden.id, number: hidden.number, version: hidden.version },
    visible: { id: visible.id, version: visible.version },
    hiddenActivities,
    visibleActivities,
    hiddenAttachments,
    visibleAttachments,
    calendarPath,
  };
}

/** What an answer reveals of the hidden opportunity: its id in an id field, its title, its amount, its activities. */
export function leaksOf(body: string, contentType: string): string[] {
  const found: string[] = [];
  if (body.toLowerCase().includes('kvantefjord')) found.push('title');
  if (HIDDEN.amountPattern.test(body)) found.push('amount');
  if (body.includes(HIDDEN.activityMarker)) found.push('activity');
  if (contentType.includes('json')) {
    const walk = (value: unknown, key: string) => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (value === HIDDEN.id && (key === 'id' || /Ids?$/.test(key))) found.push(`id in "${key}"`);
    };
    try {
      walk(JSON.parse(body), '');
    } catch {
      // not JSON after all: the text checks above apply
    }
  } else if (new RegExp(`\\b${HIDDEN.id}\\b`).test(body)) {
    found.push('id');
  }
  return found;
}
