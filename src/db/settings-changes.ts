// Settings are kept in memory per process (settings.ts). Embedded, only this process opens the
// database, so it knows every change. On a server, several app instances may share the database:
// each listens on SETTINGS_CHANNEL, which every saveSettings notifies when its transaction commits,
// and keeps the settings in memory only while it listens (measured: reading them on every request
// costs a round trip, ~0.4 ms, next to list queries of ~1 ms; bench/README.md).
import pg from 'pg';
import type { Database } from './connect.ts';
import { cacheSettingsOf, forgetSettings, SETTINGS_CHANNEL } from './settings.ts';

const RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

/** Starts keeping the settings of `database` in memory for as long as every change is heard; returns the stop. */
export async function watchSettings(database: Pick<Database, 'db' | 'pool' | 'mode'>): Promise<() => Promise<void>> {
  const { db } = database;
  if (database.mode === 'pglite') {
    cacheSettingsOf(db, true);
    return () => {
      cacheSettingsOf(db, false);
      return Promise.resolve();
    };
  }

  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;
  let stopped = false;

  const lost = () => {
    // a change may come while nobody listens: read the settings from the database until listening again
    cacheSettingsOf(db, false);
    const gone = client;
    client = null;
    gone?.removeAllListeners();
    gone?.on('error', () => {});
    void gone?.end().catch(() => {});
    if (stopped || retry) return;
    retry = setTimeout(
      () => {
        retry = null;
        void listen();
      },
      RETRY_MS[Math.min(failures, RETRY_MS.length - 1)],
    );
    retry.unref();
    failures += 1;
  };

  const listen = async () => {
    // a connection of its own: a pooled one would be handed to requests between notifications
    const listener = new pg.Client({ ...database.pool.options, keepAlive: true });
    client = listener;
    listener.on('error', lost);
    listener.on('end', lost);
    listener.on('notification', (message) => {
      if (message.channel === SETTINGS_CHANNEL) forgetSettings();
    });
    try {
      await listener.connect();
      await listener.query(`LISTEN ${SETTINGS_CHANNEL}`);
    } catch {
      if (client === listener) lost();
      return;
    }
    if (stopped || client !== listener) return;
    failures = 0;
    // whatever was read before LISTEN took effect may be stale: forget it, then keep what is read from now on
    cacheSettingsOf(db, true);
  };

  await listen();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    cacheSettingsOf(db, false);
    const open = client;
    client = null;
    open?.removeAllListeners();
    open?.on('error', () => {});
    await open?.end().catch(() => {});
  };
}
