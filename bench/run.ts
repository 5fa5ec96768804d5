import { mkdirSync, writeFileSync } from 'node:fs';
import { rendererBundleSize } from './bundle-size';
import { benchJournal } from './journal-bench';
import { benchPrinting } from './printing-bench';
import { benchRelay } from './relay-bench';
import { benchCraftedDrain, benchRelayIngest } from './relay-door-bench';
import { benchRoundTrip } from './round-trip-bench';
import { benchUi } from './ui-bench';
import { benchSigner } from './signer-bench';
import { benchPin } from './pin-bench';
import { benchSignIn } from './sign-in-bench';
import { PIN_SCRYPT } from '../src/main/manager/pin-hash';
import { PartRunner, why } from './parts';
import { ms, perSecond } from './stats';

/**
 * `npm run bench`: prints the figures the issues ask for, from one run, and writes them to
 * bench-results/latest.json. Targets are printed next to each figure; nothing here fails a build.
 * Each part runs on its own: one that fails says why, is marked in the results, and the rest run.
 */
async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    node: process.version,
    date: new Date().toISOString(),
  };
  // Whoever read the output stopped reading (`npm run bench | head`): nothing left to tell.
  process.stdout.on('error', () => process.exit(0));
  const only = (process.env['BENCH_PARTS'] ?? '').split(',').filter((part) => part !== '');
  const runner = new PartRunner(
    results,
    Number(process.env['BENCH_PART_LIMIT_S'] ?? 900) * 1000,
    console.log,
    only,
  );
  console.log(`Alipay Counter benchmark · Node ${process.version} · ${new Date().toISOString()}\n`);

  const signerRounds = 15;
  console.log(
    `Signer throughput (signatures per second; ${signerRounds} interleaved rounds of ours, the SDK, the floor)`,
  );
  await runner.part(
    'signer',
    () => benchSigner(signerRounds),
    (signer) => {
      for (const f of signer) {
        console.log(
          `  ${f.body.padEnd(14)} ours ${perSecond(f.ours).padStart(10)}   ecommpay SDK ${perSecond(f.sdk).padStart(10)}   ratio median ${f.ratio.toFixed(2)}x (rounds ${f.ratioMin.toFixed(2)}–${f.ratioMax.toFixed(2)}x; target ≥ 1.5x)`,
        );
        console.log(
          `  ${''.padEnd(14)} floor: createHmac of the already-built string ${perSecond(f.hmacFloor)}; ours reaches ${(f.ofFloor * 100).toFixed(0)}% of it`,
        );
      }
    },
  );

  console.log(
    `\nManager PIN check at scrypt N = 2^${Math.log2(PIN_SCRYPT.N)}, r = 8, p = 1 with the keychain pepper, on node:crypto`,
  );
  await runner.part('pin', benchPin, (pin) =>
    console.log(
      `  ${pin.checks} checks: p50 ${ms(pin.p50Ms)}   p99 ${ms(pin.p99Ms)}   max ${ms(pin.maxMs)} (target p99 < 500 ms)`,
    ),
  );

  console.log(
    '\nSign-in to a ready sale screen: PIN (scrypt as above), shift opened, role checked',
  );
  await runner.part('signIn', benchSignIn, (signIn) =>
    console.log(
      `  ${signIn.signIns} sign-ins: p50 ${ms(signIn.p50Ms)}   p99 ${ms(signIn.p99Ms)}   max ${ms(signIn.maxMs)} (target p99 < 500 ms)`,
    ),
  );

  const roundTripPayments = Number(process.env['BENCH_PAYMENTS'] ?? 1000);
  console.log(
    `\nSale round trip on loopback: request → ack → intermediate callback → customer presses Success → final callback (${roundTripPayments} payments per run)`,
  );
  await runner.part(
    'roundTrip',
    () => benchRoundTrip(roundTripPayments, [1, 50]),
    (trips) => {
      for (const t of trips) {
        console.log(
          `  ${t.label.padEnd(13)} p50 ${ms(t.p50).padStart(9)}   p99 ${ms(t.p99).padStart(9)}${t.inFlight === 1 ? ' (target < 10 ms)' : '                 '}   ack p50 ${ms(t.ackP50)} p99 ${ms(t.ackP99)}   ${perSecond(t.throughput)} payments`,
        );
      }
    },
  );

  const relayRounds = Number(process.env['BENCH_RELAY_ROUNDS'] ?? 5);
  console.log(
    `\nCallback in → journaled: through the relay (HTTP → JetStream → the counter's consumer) next to the counter's own HTTP listener (${relayRounds} interleaved rounds of 100 one at a time and 300 with 32 in flight; medians, [spread of the rounds]; the journal's fsyncs dominate both)`,
  );
  await runner.part(
    'relay',
    () => benchRelay(relayRounds, 100, 300),
    (relayFigures) => {
      for (const f of relayFigures) {
        console.log(
          `  ${f.path === 'relay' ? 'relay        ' : 'direct HTTP  '} p50 ${ms(f.p50).padStart(9)} [${ms(f.p50Spread[0])} – ${ms(f.p50Spread[1])}]   p99 ${ms(f.p99).padStart(9)}   ${perSecond(f.throughput)} [${perSecond(f.throughputSpread[0])} – ${perSecond(f.throughputSpread[1])}]`,
        );
      }
    },
  );

  const ingestRounds = Number(process.env['BENCH_INGEST_ROUNDS'] ?? 5);
  console.log(
    `\nRelay ingest: POST with the counter's token → checks → JetStream PubAck → 200, unique bodies, 64 in flight, one relay process (${ingestRounds} rounds of 5,000; medians [spread of the rounds])`,
  );
  await runner.part(
    'relayIngest',
    () => benchRelayIngest(ingestRounds, 5000, 64),
    (ingest) =>
      console.log(
        `  ${perSecond(ingest.perSecond)} [${perSecond(ingest.perSecondSpread[0])} – ${perSecond(ingest.perSecondSpread[1])}] (target ≥ 5,000/s)   p50 ${ms(ingest.p50Ms)}   p99 ${ms(ingest.p99Ms)} [${ms(ingest.p99Spread[0])} – ${ms(ingest.p99Spread[1])}] (target < 50 ms)`,
      ),
  );

  console.log(
    "\nThe counter's main thread while its relay consumer drains 300 crafted bodies at the caps (stored while it was off; each fails its signature)",
  );
  await runner.part(
    'relayDrain',
    () => benchCraftedDrain(300),
    (drain) =>
      console.log(
        `  ${drain.bodies} bodies of ${(drain.bodyBytes / 1024).toFixed(0)} KiB and ${drain.fields} fields in ${ms(drain.drainMs)}: longest event-loop stall ${ms(drain.longestStallMs)} (target < 50 ms), p99 ${ms(drain.p99StallMs)}; the same loop idle right after: longest ${ms(drain.idleLongestStallMs)}`,
      ),
  );

  const sales = Number(process.env['BENCH_UI_SALES'] ?? 200);
  console.log(`\nThrough the browser shell in Chromium (${sales} sales)`);
  await runner.part(
    'ui',
    () => benchUi(sales),
    (ui) => {
      console.log(
        `  Charge → QR visible      p50 ${ms(ui.chargeToQrP50).padStart(9)}   p99 ${ms(ui.chargeToQrP99).padStart(9)} (target < 50 ms)`,
      );
      console.log(
        `  callback → Paid on screen p50 ${ms(ui.callbackToScreenP50).padStart(8)}   p99 ${ms(ui.callbackToScreenP99).padStart(9)} (target < 20 ms; journal time has 1 ms steps)`,
      );
      console.log(
        `  customer press → Paid     p50 ${ms(ui.pressToScreenP50).padStart(8)}   p99 ${ms(ui.pressToScreenP99).padStart(9)} (sandbox and callback delivery included)`,
      );
    },
  );

  const payments = Number(process.env['BENCH_JOURNAL_PAYMENTS'] ?? 1_000_000);
  console.log(
    `\nJournal (SQLite, WAL, synchronous=FULL) with ${payments.toLocaleString('en-US')} payments`,
  );
  await runner.part(
    'journal',
    () => benchJournal(payments),
    (journal) => {
      console.log(
        `  durable sales (payment + transition per commit) ${perSecond(journal.durableSalesPerSecond)}   the disk's raw fsync rate ${perSecond(journal.fsyncPerSecond)}`,
      );
      console.log(
        `  start-up recovery scan (${journal.openPayments} open of ${journal.payments.toLocaleString('en-US')}) p50 ${ms(journal.recoveryScanP50Ms)}   p99 ${ms(journal.recoveryScanP99Ms)} (target < 50 ms)`,
      );
      console.log(
        `  history page (50 newest)     p50 ${ms(journal.historyPageP50Ms)}   p99 ${ms(journal.historyPageP99Ms)}`,
      );
      for (const [name, t] of Object.entries(journal.historySearch)) {
        console.log(
          `  history search: ${name.padEnd(30)} p50 ${ms(t.p50)}   p99 ${ms(t.p99)} (target p99 < 10 ms)`,
        );
      }
      console.log(
        `  Z report, a day of 3,000 payments p50 ${ms(journal.zReportDayP50Ms)}   p99 ${ms(journal.zReportDayP99Ms)} (target < 200 ms)`,
      );
      console.log(
        `  Z report, all ${journal.payments.toLocaleString('en-US')} in one period (worst case) ${ms(journal.zReportAllMs)} (target < 200 ms)`,
      );
      console.log(
        `  closing that day: its totals and the digest of its money rows (every payment and transition) ${ms(journal.zCloseAllMs)}`,
      );
    },
  );

  console.log(
    '\nReceipt slips (customer slip, GB18030, QR as raster; 300 renders, 50 sends to a loopback printer)',
  );
  await runner.part('printing', benchPrinting, (slips) => {
    for (const s of slips) {
      console.log(
        `  ${s.paperWidth} mm  ESC/POS p50 ${ms(s.escPosP50Ms)}  p99 ${ms(s.escPosP99Ms)}  ${s.escPosBytes} bytes   SVG preview p50 ${ms(s.svgP50Ms)}  ${(s.svgBytes / 1024).toFixed(1)} KB   send until confirmed p50 ${ms(s.sendP50Ms)}  p99 ${ms(s.sendP99Ms)}`,
      );
    }
  });

  console.log('\nRenderer bundle');
  await runner.part(
    'rendererBundle',
    () => rendererBundleSize(),
    (bundle) =>
      console.log(
        `  a window loads ${(bundle.window.gzipBytes / 1024).toFixed(1)} KB gzipped (${(bundle.window.rawBytes / 1024).toFixed(1)} KB raw: the app, its styles and its one language; target < 250 KB gzipped)\n  all ${bundle.files} files, every language: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped (${(bundle.rawBytes / 1024).toFixed(1)} KB raw)`,
      ),
  );

  if (runner.failed.length > 0) {
    results['notMeasured'] = runner.failed;
    console.log(`\nNot measured: ${runner.failed.join(', ')} (the reasons are above)`);
  }
  try {
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWritten to bench-results/latest.json');
  } catch (error) {
    console.log(`\nbench-results/latest.json not written: ${why(error)}`);
  }
  // A part given up on may still hold sockets or timers open: end here rather than wait for it.
  if (runner.abandoned.length > 0) process.exit(0);
}

await main();
