#!/usr/bin/env node
// `npm link` puts this on the PATH as `pulse`; it runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/pulse.ts');
