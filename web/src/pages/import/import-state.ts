// L-7: the import wizard's state and how each event changes it, as one pure reducer (the page's
// requests dispatch what they learn), and the form each request sends.
import type { ImportResource, Preset } from './import-fields';
import type { ImportResult } from './ImportReport';
import type { Mapping, ValueMapping } from './MappingTables';
import type { FilePreview } from './read-file';
import type { ImportProgress } from './upload-import';

export type Step = 'file' | 'columns' | 'values' | 'check' | 'done';
export const STEPS: Step[] = ['file', 'columns', 'values', 'check', 'done'];

/** What a request is doing: reading the file (with the dry run that guesses the columns), checking, importing. */
export type Busy = 'reading' | 'checking' | 'importing';

export type ImportState = {
  resource: ImportResource;
  preset: Preset;
  file: File | null;
  preview: FilePreview | null;
  /** the mapping the server guessed from the column names */
  guessed: Mapping;
  mapping: Mapping;
  valueMapping: ValueMapping;
  /** the last dry run's answer (or an import's that found errors: nothing was written) */
  check: ImportResult | null;
  step: Step;
  busy: Busy | null;
  /** while a request is out: how much of the file is sent, then how many rows the server has done */
  progress: ImportProgress | null;
  error: unknown;
  result: ImportResult | null;
};

export type ImportAction =
  | { type: 'resourceChosen'; resource: ImportResource }
  | { type: 'presetChosen'; preset: Preset }
  | { type: 'fileChosen'; file: File | null }
  | { type: 'mappingChanged'; mapping: Mapping }
  | { type: 'valueMappingChanged'; valueMapping: ValueMapping }
  | { type: 'stepChosen'; step: Step }
  | { type: 'started'; busy: Busy }
  | { type: 'progressed'; progress: ImportProgress | null }
  | { type: 'fileRead'; preview: FilePreview; guessed: Mapping }
  | { type: 'correctedFileRead'; preview: FilePreview }
  | { type: 'checked'; check: ImportResult }
  | { type: 'imported'; result: ImportResult }
  | { type: 'failed'; error: unknown }
  | { type: 'restarted' };

export function initialImportState(resource: ImportResource): ImportState {
  return {
    resource,
    preset: 'auto',
    file: null,
    preview: null,
    guessed: {},
    mapping: {},
    valueMapping: {},
    check: null,
    step: 'file',
    busy: null,
    progress: null,
    error: null,
    result: null,
  };
}

/** A corrected file keeps the mapping only when it still has every mapped column. */
export function mappingFits(mapping: Mapping, preview: FilePreview): boolean {
  return Object.keys(mapping).every((column) => preview.headers.includes(column));
}

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'resourceChosen':
      return { ...state, resource: action.resource };
    case 'presetChosen':
      return { ...state, preset: action.preset };
    case 'fileChosen':
      return { ...state, file: action.file };
    case 'mappingChanged':
      return { ...state, mapping: action.mapping };
    case 'valueMappingChanged':
      return { ...state, valueMapping: action.valueMapping };
    case 'stepChosen':
      return { ...state, step: action.step };
    case 'started':
      // a new dry run's answer replaces the last one, which no longer says what will happen
      return { ...state, busy: action.busy, error: null, ...(action.busy === 'checking' ? { check: null } : {}) };
    case 'progressed':
      return { ...state, progress: action.progress };
    case 'fileRead':
      // a new file: the guessed mapping, no value mapping or check from the file before
      return {
        ...state,
        preview: action.preview,
        guessed: action.guessed,
        mapping: action.guessed,
        valueMapping: {},
        check: null,
        step: 'columns',
        busy: null,
      };
    case 'correctedFileRead':
      // same columns: its dry run follows (still busy); else back to the columns, with nothing checked
      if (mappingFits(state.mapping, action.preview)) return { ...state, preview: action.preview };
      return { ...state, preview: action.preview, busy: null, check: null, step: 'columns' };
    case 'checked':
      return { ...state, check: action.check, busy: null };
    case 'imported':
      // errors: the data changed since the dry run (a company renamed, an account number taken…) and nothing was written
      if (action.result.errors.length) return { ...state, check: action.result, busy: null };
      return { ...state, result: action.result, step: 'done', busy: null };
    case 'failed':
      return { ...state, error: action.error, busy: null };
    case 'restarted':
      return { ...initialImportState(state.resource), preset: state.preset, busy: state.busy, progress: state.progress };
  }
}

/** The multipart body of a dry run or an import: the file, the mapping, the value mapping of mapped fields, the preset. */
export function importForm(
  state: Pick<ImportState, 'valueMapping' | 'preset'>,
  file: File,
  options: { mapping?: Mapping; dryRun: boolean },
): FormData {
  const body = new FormData();
  body.append('file', file, file.name);
  if (options.mapping) body.append('mapping', JSON.stringify(options.mapping));
  // only the fields that are mapped: a value mapping of a column since ignored means nothing
  const fields = new Set(Object.values(options.mapping ?? {}));
  const values = Object.fromEntries(Object.entries(state.valueMapping).filter(([field]) => fields.has(field)));
  if (Object.keys(values).length) body.append('valueMapping', JSON.stringify(values));
  if (state.preset !== 'auto') body.append('preset', state.preset);
  body.append('dryRun', String(options.dryRun));
  return body;
}
