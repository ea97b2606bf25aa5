import { AppError } from '../domain/errors.ts';

/** Runs a write; a version conflict carries the current record in the API's own shape. */
export async function withConflictShape<T, R>(write: () => Promise<T>, present: (row: R) => unknown): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VERSION_CONFLICT' && error.current) {
      throw new AppError('VERSION_CONFLICT', error.message, { current: present(error.current as R) });
    }
    throw error;
  }
}
