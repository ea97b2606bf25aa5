// L-7: the import wizard's requests. Each one dispatches what it learns to the reducer in import-state.ts.
import { useReducer } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { keys } from '../../api/query-keys';
import type { ImportResource } from './import-fields';
import { importForm, importReducer, initialImportState, mappingFits, type ImportState } from './import-state';
import type { ImportResult } from './ImportReport';
import type { Mapping } from './MappingTables';
import { previewFile } from './read-file';
import { NO_PROGRESS, uploadImport } from './upload-import';

export function useImportWizard(resource: ImportResource) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(importReducer, resource, initialImportState);

  async function send(current: ImportState, body: FormData): Promise<ImportResult> {
    dispatch({ type: 'progressed', progress: NO_PROGRESS });
    try {
      return await uploadImport(`/api/import/${current.resource}`, body, (progress) => dispatch({ type: 'progressed', progress }));
    } finally {
      dispatch({ type: 'progressed', progress: null });
    }
  }

  /** Reads the file here (columns, examples) and lets the API guess the mapping with a first dry run. */
  async function readFile(chosen: File) {
    dispatch({ type: 'started', busy: 'reading' });
    try {
      const preview = await previewFile(chosen);
      let guessed: Mapping = {};
      try {
        guessed = (await send(state, importForm(state, chosen, { dryRun: true }))).mapping;
      } catch (failure) {
        // no column name was recognised: the user maps them all
        if (!(failure instanceof ApiError && failure.status === 400 && 'mapping' in failure.fields)) throw failure;
      }
      dispatch({ type: 'fileRead', preview, guessed });
    } catch (error) {
      dispatch({ type: 'failed', error });
    }
  }

  async function dryRun(chosen: File | null = state.file) {
    if (!chosen) return;
    dispatch({ type: 'started', busy: 'checking' });
    try {
      dispatch({ type: 'checked', check: await send(state, importForm(state, chosen, { mapping: state.mapping, dryRun: true })) });
    } catch (error) {
      dispatch({ type: 'failed', error });
    }
  }

  /** A corrected file: same mapping when it has the same columns, else back to the columns. */
  async function replaceFile(chosen: File | null) {
    if (!chosen) return;
    dispatch({ type: 'fileChosen', file: chosen });
    dispatch({ type: 'started', busy: 'reading' });
    try {
      const preview = await previewFile(chosen);
      dispatch({ type: 'correctedFileRead', preview });
      if (mappingFits(state.mapping, preview)) await dryRun(chosen);
    } catch (error) {
      dispatch({ type: 'failed', error });
    }
  }

  async function commit() {
    if (!state.file) return;
    dispatch({ type: 'started', busy: 'importing' });
    try {
      const result = await send(state, importForm(state, state.file, { mapping: state.mapping, dryRun: false }));
      dispatch({ type: 'imported', result });
      if (!result.errors.length) void queryClient.invalidateQueries({ queryKey: keys[state.resource].all });
    } catch (error) {
      dispatch({ type: 'failed', error });
    }
  }

  /** To the dry run: from the columns, or from the values when there are values to map. */
  function toCheck() {
    dispatch({ type: 'stepChosen', step: 'check' });
    void dryRun();
  }

  return { state, dispatch, readFile, dryRun, replaceFile, commit, toCheck };
}
