// `trakt import <companies|contacts|opportunities> <file>` (SPEC I-3, L-7): the same import as the
// API, with a progress bar; all or nothing, like the API.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { openFromEnvironment } from '../db/open-from-env.ts';
import { getSettings } from '../db/settings.ts';
import { findActiveUser } from '../db/users.ts';
import { importFile, type ValueMapping } from '../domain/import/import-file.ts';
import type { Mapping, Preset } from '../domain/import/mapping.ts';
import { todayIn } from '../domain/opportunities/rules.ts';
import { importThroughApi } from './through-api.ts';

type Options = { mapping?: string; valueMapping?: string; preset?: Preset; dryRun?: boolean; as?: string; url?: string; token?: string };
type Result = {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; field: string; message: string }[];
  dryRun: boolean;
  encoding?: string | null;
  ignoredColumns?: string[];
};

const readJson = async <T>(path: string | undefined): Promise<T | undefined> =>
  path ? (JSON.parse(await readFile(path, 'utf8')) as T) : undefined;

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

export function registerImportCommand(program: Command) {
  program
    .command('import')
    .description('import companies, contacts or opportunities from a CSV or XLSX file (all or nothing)')
    .addOption(new Option('--preset <crm>', 'column names of an export from another CRM').choices(['hubspot', 'pipedrive', 'salesforce']))
    .option('--mapping <file.json>', 'JSON {"<column>": "<field>"}; guessed from the headers when left out')
    .option('--value-mapping <file.json>', 'JSON {"<field>": {"<value in file>": "<value in Trakt>"}}')
    .option('--dry-run', 'check every row and report, write nothing')
    .option('--as <email>', 'the user the import is made by (default: the first admin)')
    .option(
      '--url <url>',
      'import through a running Trakt server (the one holding the data folder), e.g. http://localhost:3000',
      process.env.TRAKT_URL,
    )
    .option('--token <token>', 'an API token of a manager or admin, for --url (Settings → API tokens)', process.env.TRAKT_TOKEN)
    .argument('<resource>', 'companies, contacts or opportunities')
    .argument('<file>', 'a .csv (UTF-8, UTF-16 or Windows-1252) or .xlsx file')
    .action(async (resource: string, file: string, options: Options) => {
      if (!['companies', 'contacts', 'opportunities'].includes(resource))
        throw new Error('resource must be companies, contacts or opportunities');
      const bar = new cliProgress.SingleBar(
        { format: ' {bar} {percentage}% | {value}/{total} rows | {duration}s', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      if (options.url) {
        if (!options.token) throw new Error('--url needs --token <API token> (or TRAKT_TOKEN)');
        if (options.as) throw new Error("--as does not apply with --url: the import is made by the token's user");
        bar.start(1, 0);
        try {
          const result = await importThroughApi({
            url: options.url,
            token: options.token,
            resource,
            file: { name: basename(file), data: await readFile(file) },
            fields: {
              mapping: await readJson(options.mapping),
              valueMapping: await readJson(options.valueMapping),
              preset: options.preset,
              dryRun: String(options.dryRun === true),
            },
            onProgress: (done, total) => {
              bar.setTotal(total);
              bar.update(done);
            },
          });
          bar.stop();
          report(result as Result);
        } finally {
          bar.stop();
        }
        return;
      }
      const database = await openFromEnvironment();
      try {
        const actor = await findActiveUser(database.db, options.as);
        if (!actor)
          throw new Error(options.as ? `no active user ${options.as}` : 'no admin yet; create one with `trakt create-user --role admin`');
        const settings = await getSettings(database.db);
        bar.start(1, 0);
        const startedAt = Date.now();
        // onProgress sets it: an annotation would let TypeScript narrow it to null for good
        let rowsWrittenAt = null as number | null;
        const result = await importFile({
          db: database.db,
          copyPool: database.mode === 'postgres' ? database.pool : null,
          actor,
          resource: resource as 'companies' | 'contacts' | 'opportunities',
          data: { path: file }, // an XLSX is read from disk as its rows are taken; no caps in the CLI's own process
          mapping: await readJson<Mapping>(options.mapping),
          valueMapping: await readJson<ValueMapping>(options.valueMapping),
          preset: options.preset,
          dryRun: options.dryRun === true,
          baseCurrency: settings.baseCurrency,
          today: todayIn(process.env.TRAKT_TIMEZONE ?? 'Europe/Copenhagen'),
          onProgress: (done, total, step) => {
            bar.setTotal(total);
            bar.update(done);
            if (step !== 'indexes') return;
            bar.stop();
            rowsWrittenAt = Date.now();
            console.log(`${done} rows checked and written in ${seconds(startedAt)} s; rebuilding the indexes set aside for the load …`);
          },
        });
        bar.stop();
        report(result);
        if (rowsWrittenAt !== null && !result.errors.length)
          console.log(`Indexes rebuilt in ${seconds(rowsWrittenAt)} s; ${seconds(startedAt)} s in all.`);
      } finally {
        bar.stop();
        await database.close();
      }
    });
}

function report(result: Result) {
  if (result.encoding) console.log(`Read as ${result.encoding}.`);
  if (result.ignoredColumns?.length) console.log(`Columns not imported (mapped to no field): ${result.ignoredColumns.join(', ')}`);
  for (const error of result.errors.slice(0, 50)) console.log(`line ${error.row}: ${error.field} ${error.message}`);
  if (result.errors.length > 50) console.log(`… and ${result.errors.length - 50} more errors`);
  const verdict = result.errors.length ? 'nothing was written' : result.dryRun ? 'dry run, nothing was written' : 'written';
  console.log(
    `${result.rows} rows: ${result.created} new, ${result.updated} updated, ${result.skipped} skipped, ${result.errors.length} errors (${verdict}).`,
  );
  if (result.errors.length) process.exitCode = 2;
}
