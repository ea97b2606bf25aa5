import { describe, expect, it } from 'vitest';
import { findTool } from './snapshot.ts';

describe('findTool', () => {
  it('answers null when no pg_dump of the server’s major version is installed (the domain decides what that means)', async () => {
    expect(await findTool('pg_dump', '99.1')).toBeNull();
  });
});
