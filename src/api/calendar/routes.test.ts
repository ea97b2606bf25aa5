// L-8: the secret-URL iCalendar feed, read back by an independent parser (ical.js).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startApi, type Client, type TestApi } from '../../../test/helpers/api.ts';
import { addDays, todayIn } from '../../domain/opportunities/rules.ts';

let api: TestApi;
let anna: Client;
let bo: Client;
const today = todayIn('Europe/Copenhagen');
const inDays = (n: number) => addDays(today, n);

beforeAll(async () => {
  api = await startApi();
  anna = await api.as('seller', 'Anna Ås');
  bo = await api.as('seller', 'Bo');
  const companyId = (await anna.post('/api/companies', { name: 'Ærø Færger A/S' })).body.id;
  const activity = (body: object) => anna.post('/api/activities', { companyId, ...body });
  expect(
    (
      await activity({
        type: 'meeting',
        subject: 'Møde om færger; pris, levering',
        dueDate: inDays(3),
        dueTime: '10:00',
        durationMinutes: 90,
        text: 'Tag tegninger med\nog prisliste',
      })
    ).status,
  ).toBe(201);
  await activity({ type: 'appointment', subject: 'Messe i Bella Center', dueDate: inDays(20) });
  await activity({ type: 'task', subject: 'Send tilbud', dueDate: inDays(1) });
  await activity({ type: 'task', subject: 'Gammel opgave (udført)', dueDate: inDays(-1), done: true });
  await activity({ type: 'call', subject: 'Opkald vises ikke', dueDate: inDays(2) });
  await activity({ type: 'task', subject: 'Uden dato' });
  await activity({ type: 'meeting', subject: 'For længe siden', dueDate: inDays(-400), dueTime: '09:00' });
  await bo.post('/api/activities', { companyId, type: 'meeting', subject: 'Bos møde', dueDate: inDays(2), dueTime: '12:00' });
  // a follow-up date set on the opportunity (O-21 also makes a task for it: listed once, not twice)
  await anna.post('/api/opportunities', { title: 'Ny færge', companyId, followUpDate: inDays(5) });
  const quiet = (await anna.post('/api/opportunities', { title: 'Stille aftale', companyId })).body.id;
  await api.database.db
    .updateTable('opportunities')
    .set({ followUpDate: inDays(6) })
    .where('id', '=', quiet)
    .execute();
});
afterAll(() => api.close());

const fetchFeed = (path: string) => api.app.inject({ method: 'GET', url: path });

describe('iCalendar feed (L-8)', () => {
  it('serves the user’s meetings, open tasks and follow-ups at a secret URL, without signing in', async () => {
    const made = await anna.post('/api/calendar-feed');
    expect(made.status).toBe(201);
    expect(made.body.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    // without TRAKT_PUBLIC_URL the server makes no full address (the web UI adds its own origin): public-url.test.ts
    expect(made.body.url).toBeNull();
    expect((await anna.get('/api/calendar-feed')).body).toMatchObject({ active: true, lastUsedAt: null });

    const response = await fetchFeed(made.body.path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    for (const line of response.body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const calendar = new ICAL.Component(ICAL.parse(response.body) as unknown[]);
    expect(calendar.name).toBe('vcalendar');
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Appointment: Messe i Bella Center (Ærø Færger A/S)',
      'Follow up: Stille aftale (Ærø Færger A/S)',
      'Meeting: Møde om færger; pris, levering (Ærø Færger A/S)',
      'Task: Ny færge (Ærø Færger A/S)',
      'Task: Send tilbud (Ærø Færger A/S)',
    ]);
    for (const event of events) {
      expect(event.uid).toMatch(/^(activity|follow-up)-\d+@/);
      expect(event.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
    }
    const meeting = events.find((e) => e.summary.startsWith('Meeting')) as ICAL.Event;
    expect(meeting.description).toBe('Tag tegninger med\nog prisliste');
    expect(meeting.startDate.isDate).toBe(false);
    const start = meeting.startDate.toJSDate();
    // 10:00 on the Copenhagen wall clock, whatever the season
    const wall = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' }).format(start);
    expect(wall).toBe(`${inDays(3)} 10:00`);
    expect(meeting.endDate.toJSDate().getTime() - start.getTime()).toBe(90 * 60_000);
    const task = events.find((e) => e.summary.startsWith('Task: Send')) as ICAL.Event;
    expect(task.startDate.isDate).toBe(true);
    expect(task.startDate.toString()).toBe(inDays(1));
    expect((await anna.get('/api/calendar-feed')).body.lastUsedAt).not.toBeNull();
  });

  it('keeps the same UIDs between fetches, and a new secret makes the old URL stop working', async () => {
    const first = (await anna.post('/api/calendar-feed')).body.path;
    const uids = (body: string) => [...body.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]).sort();
    const before = uids((await fetchFeed(first)).body);
    const second = (await anna.post('/api/calendar-feed')).body.path;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).statusCode).toBe(404);
    expect(uids((await fetchFeed(second)).body)).toEqual(before);
    expect((await anna.delete('/api/calendar-feed')).status).toBe(204);
    expect((await fetchFeed(second)).statusCode).toBe(404);
    expect((await anna.get('/api/calendar-feed')).body.active).toBe(false);
  });

  it('refuses made-up addresses and needs sign-in to make a feed', async () => {
    expect((await fetchFeed('/api/calendar/not-a-real-secret-but-long-enough.ics')).statusCode).toBe(404);
    expect((await fetchFeed('/api/calendar/short.ics')).statusCode).toBe(400);
    expect((await api.anonymous.post('/api/calendar-feed')).status).toBe(401);
  });
});
