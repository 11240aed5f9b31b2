#!/usr/bin/env node
// The `creditdesk` command line. Runs the TypeScript sources through tsx so that
// `npx creditdesk` works right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../main/cli/index.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
