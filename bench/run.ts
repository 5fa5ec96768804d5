import { mkdirSync, writeFileSync } from 'node:fs';
import { benchRoundTrip } from './round-trip-bench';
import { benchSigner } from './signer-bench';
import { ms, perSecond } from './stats';

/**
 * `npm run bench`: prints the figures the issues ask for, from one run, and writes them to
 * bench-results/latest.json. Targets are printed next to each figure; nothing here fails a build.
 */
async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    node: process.version,
    date: new Date().toISOString(),
  };
  console.log(`Alipay Counter benchmark · Node ${process.version} · ${new Date().toISOString()}\n`);

  console.log('Signer throughput (signatures per second; median of 7 rounds)');
  const signer = benchSigner();
  for (const f of signer) {
    console.log(
      `  ${f.body.padEnd(14)} ours ${perSecond(f.ours).padStart(10)}   ecommpay SDK ${perSecond(f.sdk).padStart(10)}   ratio ${f.ratio.toFixed(2)}x (target ≥ 1.5x)`,
    );
    console.log(
      `  ${''.padEnd(14)} floor: bare HMAC-SHA512 of the same string, createHmac ${perSecond(f.hmacFloor)}, one-shot (ours) ${perSecond(f.oneShotHmacFloor)}`,
    );
  }
  results['signer'] = signer;

  const payments = Number(process.env['BENCH_PAYMENTS'] ?? 1000);
  console.log(
    `\nSale round trip on loopback: request → ack → intermediate callback → customer presses Success → final callback (${payments} payments per run)`,
  );
  const trips = await benchRoundTrip(payments, [1, 50]);
  for (const t of trips) {
    console.log(
      `  ${t.label.padEnd(13)} p50 ${ms(t.p50).padStart(9)}   p99 ${ms(t.p99).padStart(9)}${t.inFlight === 1 ? ' (target < 10 ms)' : '                 '}   ack p50 ${ms(t.ackP50)} p99 ${ms(t.ackP99)}   ${perSecond(t.throughput)} payments`,
    );
  }
  results['roundTrip'] = trips;

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench-results/latest.json');
}

await main();
