// The `trakt` command (SPEC I-3): serve, migrate, create-user, seed-demo, import, backup, restore.
// Each command loads what it needs when it runs: `trakt import` does not load the web server (~1 s of start-up).
import { Command, Option } from 'commander';
import { holdsCompanies } from '../db/demo.ts';
import { openFromEnvironment } from '../db/open-from-env.ts';
import { ensureAdminFromEnvironment, needsSetup } from '../domain/instance/first-start.ts';
import { createUser } from '../domain/users/users.ts';
import { loadDemoData } from '../domain/demo/load-demo.ts';
import { saveSettings } from '../db/settings.ts';
import { todayIn } from '../domain/opportunities/rules.ts';
import { registerImportCommand } from './import-command.ts';
import { registerBackupCommands } from './backup-command.ts';

const program = new Command('trakt').description('Trakt sales-pipeline CRM');

program
  .command('serve')
  .description('serve the API and web UI (PORT, HOST, TRAKT_DATA_DIR or DATABASE_URL)')
  .action(async () => {
    const database = await openFromEnvironment();
    const admin = await database.db
      .transaction()
      .execute((db) => ensureAdminFromEnvironment(db, process.env.TRAKT_ADMIN_EMAIL, process.env.TRAKT_ADMIN_PASSWORD));
    if (admin) console.log(`Created admin ${admin.email} from TRAKT_ADMIN_EMAIL`);
    if (process.env.TRAKT_DEMO === '1' && !(await holdsCompanies(database.db))) {
      const counts = await database.db
        .transaction()
        .execute((db) => loadDemoData({ db, today: todayIn(process.env.TRAKT_TIMEZONE ?? 'Europe/Copenhagen') }));
      console.log(`Loaded demo data: ${JSON.stringify(counts)}`);
    }
    const [{ buildServer }, { startMaintenance }] = await Promise.all([import('../server.ts'), import('../jobs/maintenance.ts')]);
    const app = await buildServer({ database, logger: process.env.TRAKT_LOG === '1' });
    const stopMaintenance = startMaintenance(database, (m) => app.log.info(m));
    const port = Number(process.env.PORT ?? 3000);
    const host = process.env.HOST ?? '0.0.0.0';
    const address = await app.listen({ port, host });
    console.log(`Trakt is serving at ${address.replace('0.0.0.0', 'localhost')} (${database.mode})`);
    if (await needsSetup(database.db)) console.log('First start: open the address above to set up Trakt.');
    const stop = async () => {
      stopMaintenance();
      await app.close();
      await database.close();
      process.exit(0);
    };
    const stopOrFail = () => {
      stop().catch((error: unknown) => {
        console.error(`trakt: could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      });
    };
    process.once('SIGINT', stopOrFail);
    process.once('SIGTERM', stopOrFail);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const database = await openFromEnvironment();
    console.log(`Database is up to date (${database.mode}).`);
    await database.close();
  });

program
  .command('create-user')
  .description('create a user')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--password <password>')
  .addOption(new Option('--role <role>').choices(['admin', 'manager', 'seller']).default('seller'))
  .action(async (options: { email: string; name: string; password: string; role: 'admin' | 'manager' | 'seller' }) => {
    const database = await openFromEnvironment();
    try {
      const user = await database.db.transaction().execute(async (db) => {
        const created = await createUser({ db, actor: null, input: options });
        if (options.role === 'admin') await saveSettings(db, { setupDone: true });
        return created;
      });
      console.log(`Created ${user.role} ${user.email} (id ${user.id})`);
    } finally {
      await database.close();
    }
  });

program
  .command('seed-demo')
  .description('load the deterministic Nordic demo data into an empty database')
  .action(async () => {
    const database = await openFromEnvironment();
    try {
      const counts = await database.db
        .transaction()
        .execute((db) => loadDemoData({ db, today: todayIn(process.env.TRAKT_TIMEZONE ?? 'Europe/Copenhagen') }));
      console.log(`Loaded demo data: ${JSON.stringify(counts)}`);
    } finally {
      await database.close();
    }
  });

registerImportCommand(program);
registerBackupCommands(program);

program.parseAsync().catch((error: unknown) => {
  const detail = error && typeof error === 'object' && 'fields' in error ? ` ${JSON.stringify(error.fields)}` : '';
  console.error(`trakt: ${error instanceof Error ? error.message : String(error)}${detail}`);
  process.exit(1);
});
