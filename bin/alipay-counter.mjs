#!/usr/bin/env node
// Runs the TypeScript command line directly (tsx), so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
