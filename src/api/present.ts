import { AppError } from '../domain/errors.ts';

/** Runs a write; a version conflict carries the current record in the API's own shape. */
export async function withConflictShape<T>(write: () => Promise<T>, present: (current: never) => unknown): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VERSION_CONFLICT' && error.current) {
      // AppError carries the current row untyped: each caller's presenter takes the row its domain action puts there
      throw new AppError('VERSION_CONFLICT', error.message, { current: present(error.current as never) });
    }
    throw error;
  }
}
