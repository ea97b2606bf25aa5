// Writes a deterministic opportunity import file for the import benchmark (L-7 target: 1 000 000
// rows < 60 s, all or nothing). Companies are referred to by the account numbers bench/generate.ts made.
//   npx tsx bench/make-import-file.ts [--rows 1000000] [--companies 200000] [--out tmp/import-opportunities.csv]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRandom } from '../src/domain/demo/random.ts';
import { addDays } from '../src/domain/demo/random.ts';
import { BENCH_TODAY, benchEmail } from './bench-data.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const rows = Number(option('rows', '1000000'));
const companies = Number(option('companies', '200000'));
const out = createWriteStream(option('out', 'tmp/import-opportunities.csv'));
const stages = ['Prospect', 'Qualified', 'Quote sent', 'Negotiation'];

out.write('\ufeffExternal id;Title;Account number;Stage;Amount;Decision date;Owner;Description\n');
let chunk: string[] = [];
for (let i = 1; i <= rows; i++) {
  const random = createRandom(i * 97 + 11);
  const amount = (random.int(50, 200000) * 10).toFixed(2).replace('.', ',');
  chunk.push(
    [
      `IMP-${i}`,
      `Importeret aftale ${i}`,
      String(10000 + random.int(1, companies)),
      random.pick(stages),
      amount,
      addDays(BENCH_TODAY, random.int(0, 365)),
      benchEmail(random.int(4, 50)),
      random.chance(0.3) ? 'Fra det gamle CRM' : '',
    ].join(';'),
  );
  if (chunk.length === 10000) {
    if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
    chunk = [];
  }
}
out.end(chunk.length ? `${chunk.join('\n')}\n` : '');
await once(out, 'finish');
console.log(`wrote ${rows} rows`);
