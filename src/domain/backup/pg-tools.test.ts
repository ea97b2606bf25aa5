import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { pgToolOfVersion } from './pg-tools.ts';

describe('pgToolOfVersion', () => {
  it('answers 503 UNAVAILABLE (not a 500) when no pg_dump of the server’s major version is installed', async () => {
    const error = await pgToolOfVersion('pg_dump', '99.1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect([(error as AppError).code, (error as AppError).status]).toEqual(['UNAVAILABLE', 503]);
    expect((error as AppError).message).toContain('pg_dump of PostgreSQL 99 or newer was not found');
  });
});
