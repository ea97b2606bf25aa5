#!/usr/bin/env node
// The `trakt` command. Source is TypeScript, run through tsx's loader (see docs/decisions/0004-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
