/**
 * A demo counter in its own process for the handover crash test: Ana is signed in at start;
 * with ACTION=handover it hands over between Ana and Ben without end, printing `HANDED <n>`.
 * With FREEZE=inside it blocks its thread inside the first handover's transaction, after Ana's
 * shift ended and before Ben's opened, printing `FROZEN`, so the test can SIGKILL it right there.
 *
 * env: DATA_DIR, ACTION (handover|recover), FREEZE (optional: inside)
 */
import { createCounter } from '../../src/main/app/create-counter';
import { setLogSink } from '../../src/main/logging/logger';
import { FAST_PIN } from './counter-harness';

setLogSink(null);
const out = (line: string) => process.stdout.write(`${line}\n`);
const dataDir = process.env['DATA_DIR'];
if (!dataDir) throw new Error('DATA_DIR is required');

const counter = await createCounter({ pinCost: FAST_PIN, dataDir, mode: 'demo' });
const { shifts, directory } = counter.staff;
out(`OPEN ${counter.journal.people.shifts.open().length}`);
out('READY');

if (process.env['FREEZE'] === 'inside') {
  const table = counter.journal.people.shifts;
  const insert = table.insert.bind(table);
  table.insert = (...args) => {
    // Ana's shift is ended in this transaction, not yet committed: die here.
    out('FROZEN');
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (;;) Atomics.wait(cell, 0, 0, 60_000);
    return insert(...args);
  };
}

if (process.env['ACTION'] === 'handover') {
  const people = [
    { id: directory.byName('Ana')!.id, pin: '1357' },
    { id: directory.byName('Ben')!.id, pin: '8642' },
  ];
  for (let n = 1; ; n++) {
    const next = people[n % 2]!;
    const handed = await shifts.handOver(next.id, next.pin);
    out(handed.ok ? `HANDED ${n}` : `REFUSED ${handed.error.code}`);
  }
}
// Keep running until killed.
setInterval(() => {}, 60_000);
