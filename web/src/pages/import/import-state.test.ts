import { describe, expect, it } from 'vitest';
import { importForm, importReducer, initialImportState, type ImportAction, type ImportState } from './import-state';
import type { ImportResult } from './ImportReport';
import type { FilePreview } from './read-file';

const preview = (headers: string[]): FilePreview => ({ headers, samples: {}, distinct: {}, rows: 2, truncated: false });
const answer = (errors: ImportResult['errors'] = []): ImportResult => ({
  rows: 2,
  created: 2,
  updated: 0,
  skipped: 0,
  errors,
  mapping: { Firmanavn: 'name' },
  dryRun: true,
  encoding: 'utf-8',
  ignoredColumns: [],
});
const run = (state: ImportState, ...actions: ImportAction[]) => actions.reduce(importReducer, state);
const file = new File(['Firmanavn;By\r\nÆrø;Ærøskøbing\r\n'], 'firmaer.csv', { type: 'text/csv' });

/** The wizard after a file was read and mapped, its dry run answered. */
const checked = run(
  { ...initialImportState('companies'), file },
  { type: 'started', busy: 'reading' },
  { type: 'fileRead', preview: preview(['Firmanavn', 'By']), guessed: { Firmanavn: 'name' } },
  { type: 'mappingChanged', mapping: { Firmanavn: 'name', By: 'city' } },
  { type: 'valueMappingChanged', valueMapping: { city: { Ærøskøbing: 'Aeroskobing' } } },
  { type: 'stepChosen', step: 'check' },
  { type: 'started', busy: 'checking' },
  { type: 'checked', check: answer() },
);

describe('importReducer: the import wizard', () => {
  it('starts on the file step with nothing read', () => {
    expect(initialImportState('contacts')).toMatchObject({
      resource: 'contacts',
      preset: 'auto',
      step: 'file',
      busy: null,
      file: null,
      preview: null,
      check: null,
    });
  });

  it('reading a file takes the guessed mapping, drops the value mapping and check of the file before, and goes to the columns', () => {
    const before = { ...checked, error: 'old failure' };
    const reading = importReducer(before, { type: 'started', busy: 'reading' });
    expect(reading).toMatchObject({ busy: 'reading', error: null, check: answer() });
    const read = importReducer(reading, { type: 'fileRead', preview: preview(['Navn']), guessed: { Navn: 'name' } });
    expect(read).toMatchObject({
      preview: preview(['Navn']),
      guessed: { Navn: 'name' },
      mapping: { Navn: 'name' },
      valueMapping: {},
      check: null,
      step: 'columns',
      busy: null,
    });
  });

  it('a new dry run drops the last answer until its own comes', () => {
    expect(checked).toMatchObject({ busy: null, check: answer(), step: 'check' });
    expect(importReducer(checked, { type: 'started', busy: 'checking' })).toMatchObject({ busy: 'checking', check: null });
    // importing keeps the dry run's report on screen
    expect(importReducer(checked, { type: 'started', busy: 'importing' })).toMatchObject({ busy: 'importing', check: answer() });
  });

  it.each([
    [
      'has every mapped column: the mapping stays, still busy for its dry run',
      ['By', 'Firmanavn', 'Land'],
      { step: 'check', busy: 'reading', check: answer() },
    ],
    ['lacks a mapped column: back to the columns, nothing checked', ['Firmanavn'], { step: 'columns', busy: null, check: null }],
  ])('a corrected file that %s', (_name, headers, expected) => {
    const next = run(checked, { type: 'started', busy: 'reading' }, { type: 'correctedFileRead', preview: preview(headers) });
    expect(next).toMatchObject({ ...expected, preview: preview(headers), mapping: { Firmanavn: 'name', By: 'city' } });
  });

  it('an import without errors is done; one that found errors (nothing written) shows them on the check step', () => {
    const importing = importReducer(checked, { type: 'started', busy: 'importing' });
    expect(importReducer(importing, { type: 'imported', result: { ...answer(), dryRun: false } })).toMatchObject({
      step: 'done',
      busy: null,
      result: { dryRun: false },
    });
    const failed = [{ row: 2, field: 'name', message: 'is taken' }];
    expect(importReducer(importing, { type: 'imported', result: answer(failed) })).toMatchObject({
      step: 'check',
      busy: null,
      result: null,
      check: answer(failed),
    });
  });

  it('a failed request keeps what was done and says why', () => {
    const error = new Error('offline');
    expect(run(checked, { type: 'started', busy: 'checking' }, { type: 'failed', error })).toMatchObject({
      busy: null,
      error,
      mapping: { Firmanavn: 'name', By: 'city' },
      step: 'check',
    });
  });

  it('progress comes and goes with a request', () => {
    const progress = { sent: 0.5, done: 0, total: 0 };
    expect(importReducer(checked, { type: 'progressed', progress }).progress).toEqual(progress);
    expect(importReducer(checked, { type: 'progressed', progress: null }).progress).toBeNull();
  });

  it('another import starts over with the same kind and preset', () => {
    const done = run(checked, { type: 'presetChosen', preset: 'hubspot' }, { type: 'imported', result: answer() });
    expect(importReducer(done, { type: 'restarted' })).toEqual({ ...initialImportState('companies'), preset: 'hubspot' });
  });
});

describe('importForm: what a dry run or an import sends', () => {
  it('sends the file, the mapping, the value mapping of mapped fields only, the preset and dryRun', async () => {
    const state = { preset: 'pipedrive' as const, valueMapping: { city: { Ærøskøbing: 'Aeroskobing' }, country: { DK: 'Denmark' } } };
    const body = importForm(state, file, { mapping: { Firmanavn: 'name', By: 'city' }, dryRun: false });
    expect(await (body.get('file') as File).text()).toBe(await file.text());
    expect(body.get('mapping')).toBe('{"Firmanavn":"name","By":"city"}');
    expect(body.get('valueMapping')).toBe('{"city":{"Ærøskøbing":"Aeroskobing"}}');
    expect(body.get('preset')).toBe('pipedrive');
    expect(body.get('dryRun')).toBe('false');
  });

  it('the first dry run (no mapping yet) sends no mapping, no value mapping, and no preset for auto', () => {
    const body = importForm({ preset: 'auto', valueMapping: { city: { A: 'B' } } }, file, { dryRun: true });
    expect([...body.keys()]).toEqual(['file', 'dryRun']);
    expect(body.get('dryRun')).toBe('true');
  });
});
