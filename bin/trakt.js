#!/usr/bin/env -S node --max-semi-space-size=64
// The `trakt` command. Source is TypeScript, run through tsx's loader (see docs/decisions/0004-run-typescript-with-tsx.md).
// --max-semi-space-size: a larger young generation. An import makes a dozen short-lived objects a
// row; with the default, too many live long enough to be copied into the old generation, and garbage
// collection took a third of the CPU time of a million-row import (`npm start` passes it too).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
