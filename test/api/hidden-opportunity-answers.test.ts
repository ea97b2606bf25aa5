// A-2 "sellers see only their own": each path that once showed or changed a hidden opportunity now
// answers as GET /api/opportunities/{id} does for it — 404, or the row left out — and a hidden record
// looks exactly like a missing one (same status, code and message but for the id).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Json } from '../helpers/api.ts';
import { saveSettings } from '../../src/db/settings.ts';
import { buildHiddenWorld, HIDDEN, leaksOf, type HiddenWorld } from '../helpers/hidden-opportunity.ts';

let world: HiddenWorld;
beforeAll(async () => {
  world = await buildHiddenWorld();
});
afterAll(() => world.api.close());

const MISSING = 9999999;

/** The answer with the id taken out of the message, to compare a hidden record's answer with a missing one's. */
const shape = (answer: Answer, id: number) => ({
  status: answer.status,
  body: JSON.parse(JSON.stringify(answer.body).replaceAll(String(id), '<id>')),
});

/** A GET answered as text (exports, files, the calendar) with the seller's token. */
async function text(url: string) {
  const response = await world.api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${world.sellerToken}` } });
  return { status: response.statusCode, body: response.body, type: String(response.headers['content-type']) };
}

const subjects = (body: Json) => (body.items as { subject: string }[]).map((a) => a.subject).sort();

describe('activities of a hidden opportunity are hidden with it', () => {
  it('GET /api/activities leaves them out: plain, by opportunityId, by q', async () => {
    const { seller, hidden, visible } = world;
    const all = await seller.get('/api/activities?limit=200');
    expect(all.status).toBe(200);
    expect(subjects(all.body)).toEqual(['Fælles møde', 'Synlig opgave']);
    const byOpportunity = await seller.get(`/api/activities?opportunityId=${hidden.id}`);
    expect(byOpportunity).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expect(subjects((await seller.get(`/api/activities?opportunityId=${hidden.id},${visible.id}`)).body)).toEqual(['Synlig opgave']);
    expect((await seller.get(`/api/activities?q=${HIDDEN.activityMarker}`)).body).toEqual({ items: [], nextCursor: null });
    expect((await seller.get(`/api/activities?companyId=${world.companyId}&limit=200`)).body.items).toHaveLength(2);
    // a manager still reads them all
    expect((await world.manager.get(`/api/activities?opportunityId=${hidden.id}`)).body.items.length).toBe(4);
  });

  it('GET /api/activities/{id} answers 404 exactly as for a missing activity', async () => {
    const { seller, hiddenActivities } = world;
    for (const id of hiddenActivities) {
      const answer = await seller.get(`/api/activities/${id}`);
      expect(shape(answer, id)).toEqual(shape(await seller.get(`/api/activities/${MISSING}`), MISSING));
      expect(answer.body.error).toEqual({ code: 'NOT_FOUND', message: `Activity ${id} was not found` });
    }
    expect((await world.manager.get(`/api/activities/${hiddenActivities[0]}`)).status).toBe(200);
  });

  it('/api/activities/latest, /mine and the export leave them out', async () => {
    const { seller } = world;
    const latest = await seller.get('/api/activities/latest');
    expect(latest.status).toBe(200);
    expect(subjects(latest.body)).toEqual(['Fælles møde', 'Synlig opgave']);
    // the task a manager gave the seller on the hidden opportunity is hidden too
    const mine = await seller.get('/api/activities/mine');
    expect(subjects(mine.body)).toEqual(['Synlig opgave']);
    const exported = await text('/api/activities/export?format=csv&columns=subject,opportunityTitle,companyName');
    expect(exported.status).toBe(200);
    expect(exported.body).toContain('Synlig opgave');
    expect(leaksOf(exported.body, exported.type)).toEqual([]);
    expect(exported.body.trim().split('\n')).toHaveLength(3);
  });

  it('their attachments, and the files, answer 404 exactly as missing ones', async () => {
    const { seller, hidden, hiddenActivities, hiddenAttachments, visibleAttachments } = world;
    const listed = await seller.get(`/api/activities/${hiddenActivities[2]}/attachments`);
    expect(shape(listed, hiddenActivities[2] as number)).toEqual(
      shape(await seller.get(`/api/activities/${MISSING}/attachments`), MISSING),
    );
    expect(shape(await seller.get(`/api/opportunities/${hidden.id}/attachments`), hidden.id)).toEqual(
      shape(await seller.get(`/api/opportunities/${MISSING}/attachments`), MISSING),
    );
    for (const id of hiddenAttachments) {
      const file = await text(`/api/attachments/${id}`);
      expect(file.status).toBe(404);
      expect(JSON.parse(file.body)).toEqual({ error: { code: 'NOT_FOUND', message: `Attachment ${id} was not found` } });
      expect(shape(await seller.delete(`/api/attachments/${id}`), id)).toEqual(
        shape(await seller.delete(`/api/attachments/${MISSING}`), MISSING),
      );
    }
    expect((await text(`/api/attachments/${visibleAttachments[1]}`)).body).toBe('Synlig opgave');
  });

  it('the calendar feed leaves them out', async () => {
    const feed = await text(world.calendarPath);
    expect(feed.status).toBe(200);
    expect(feed.body).toContain('Fælles møde');
    expect(feed.body).toContain('Synlig opgave');
    expect(feed.body).not.toContain(HIDDEN.activityMarker);
  });

  it('changing, deleting or turning one into an opportunity answers as for a missing activity', async () => {
    const { seller, hiddenActivities } = world;
    const task = hiddenActivities[1] as number; // owned by the seller
    const call = hiddenActivities[2] as number;
    expect(shape(await seller.patch(`/api/activities/${task}`, { done: true, version: 1 }), task)).toEqual(
      shape(await seller.patch(`/api/activities/${MISSING}`, { done: true, version: 1 }), MISSING),
    );
    expect(shape(await seller.delete(`/api/activities/${task}`), task)).toEqual(
      shape(await seller.delete(`/api/activities/${MISSING}`), MISSING),
    );
    expect(shape(await seller.post(`/api/activities/${call}/opportunity`, {}), call)).toEqual(
      shape(await seller.post(`/api/activities/${MISSING}/opportunity`, {}), MISSING),
    );
    expect((await world.manager.get(`/api/activities/${task}`)).body).toMatchObject({ done: false, version: 1 });
  });

  it('POST /api/activities naming a hidden opportunity answers 404 as for a missing one, and stores nothing', async () => {
    const { seller, hidden } = world;
    const hiddenAnswer = await seller.post('/api/activities', { type: 'call', subject: 'Snoop', opportunityId: hidden.id });
    const missingAnswer = await seller.post('/api/activities', { type: 'call', subject: 'Snoop', opportunityId: MISSING });
    expect(hiddenAnswer.status).toBe(404);
    expect(hiddenAnswer.body.error).toEqual({
      code: 'NOT_FOUND',
      message: `Opportunity ${hidden.id} was not found`,
      fields: { opportunityId: 'does not exist' },
    });
    expect(shape(hiddenAnswer, hidden.id)).toEqual(shape(missingAnswer, MISSING));
    // nor may an activity of the seller be moved onto it
    const own = world.visibleActivities[0] as number;
    const moved = await seller.patch(`/api/activities/${own}`, {
      opportunityId: hidden.id,
      version: (await seller.get(`/api/activities/${own}`)).body.version,
    });
    expect(shape(moved, hidden.id)).toEqual(shape(missingAnswer, MISSING));
    expect((await world.manager.get(`/api/activities?q=snoop`)).body.items).toEqual([]);
  });
});

describe('a hidden opportunity looks exactly like a missing one', () => {
  it('GET, PATCH and DELETE', async () => {
    const { seller, hidden } = world;
    const pairs: [Answer, Answer][] = [
      [await seller.get(`/api/opportunities/${hidden.id}`), await seller.get(`/api/opportunities/${MISSING}`)],
      [
        await seller.patch(`/api/opportunities/${hidden.id}`, { title: 'Mine', version: hidden.version }),
        await seller.patch(`/api/opportunities/${MISSING}`, { title: 'Mine', version: hidden.version }),
      ],
      [await seller.delete(`/api/opportunities/${hidden.id}`), await seller.delete(`/api/opportunities/${MISSING}`)],
      [
        await seller.post(`/api/opportunities/${hidden.id}/close`, { outcome: 'lost' }),
        await seller.post(`/api/opportunities/${MISSING}/close`, { outcome: 'lost' }),
      ],
      [await seller.get(`/api/opportunities/${hidden.id}/sellers`), await seller.get(`/api/opportunities/${MISSING}/sellers`)],
      [
        await seller.post(`/api/opportunities/${hidden.id}/sellers`, { userId: seller.userId }),
        await seller.post(`/api/opportunities/${MISSING}/sellers`, { userId: seller.userId }),
      ],
      [
        await seller.post(`/api/opportunities/${hidden.id}/competitors`, { name: 'X' }),
        await seller.post(`/api/opportunities/${MISSING}/competitors`, { name: 'X' }),
      ],
    ];
    for (const [hiddenAnswer, missingAnswer] of pairs) {
      expect(hiddenAnswer.status).toBe(404);
      expect(shape(hiddenAnswer, hidden.id)).toEqual(shape(missingAnswer, MISSING));
    }
    expect((await world.owner.get(`/api/opportunities/${hidden.id}`)).body).toMatchObject({
      title: HIDDEN.title,
      status: 'open',
      version: hidden.version,
    });
  });

  it('bulk actions report NOT_FOUND for it, as for a missing one', async () => {
    const { seller, hidden } = world;
    for (const action of ['lost', 'delete']) {
      const answer = await seller.post('/api/opportunities/bulk', { ids: [hidden.id, MISSING], action });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ succeeded: 0, failed: 2 });
      const [hiddenItem, missingItem] = answer.body.results;
      expect(hiddenItem).toEqual({
        id: hidden.id,
        ok: false,
        error: { code: 'NOT_FOUND', message: `Opportunity ${hidden.id} was not found` },
      });
      expect(JSON.stringify(hiddenItem).replaceAll(String(hidden.id), '<id>')).toBe(
        JSON.stringify(missingItem).replaceAll(String(MISSING), '<id>'),
      );
    }
    expect((await world.owner.get(`/api/opportunities/${hidden.id}`)).body.status).toBe('open');
  });

  it('POST /{id}/copy answers 404 as for a missing one, and copies nothing', async () => {
    const { seller, hidden } = world;
    const copied = await seller.post(`/api/opportunities/${hidden.id}/copy`);
    expect(copied.status).toBe(404);
    expect(shape(copied, hidden.id)).toEqual(shape(await seller.post(`/api/opportunities/${MISSING}/copy`), MISSING));
    expect((await world.manager.get('/api/opportunities?q=kvantefjord')).body.items).toHaveLength(1);
    // the seller's own opportunity copies as before
    const own = await seller.post(`/api/opportunities/${world.visible.id}/copy`);
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ title: 'Synlig aftale', ownerId: seller.userId });
  });
});

describe('copying is a change (A-2)', () => {
  it('a seller who may read but not change an opportunity cannot copy it (403), and nothing is copied', async () => {
    const { seller, owner, manager, hidden, api } = world;
    await saveSettings(api.database.db, { sellersSeeOnlyOwn: false });
    try {
      expect((await seller.get(`/api/opportunities/${hidden.id}`)).status).toBe(200);
      const refused = await seller.post(`/api/opportunities/${hidden.id}/copy`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      expect((await manager.get('/api/opportunities?q=kvantefjord')).body.items).toHaveLength(1);
      // its owner and a manager may
      expect((await owner.post(`/api/opportunities/${hidden.id}/copy`)).status).toBe(201);
      expect((await manager.post(`/api/opportunities/${hidden.id}/copy`)).status).toBe(201);
      expect((await manager.get('/api/opportunities?q=kvantefjord')).body.items).toHaveLength(3);
    } finally {
      await saveSettings(api.database.db, { sellersSeeOnlyOwn: true });
    }
  });
});
