import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caCertificateProblem } from '../../src/main/relay/relay-settings';
import { english } from '../../src/main/i18n/wording';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { LineChild } from '../support/child-lines';
import { startRelayProcess } from '../support/relay-harness';
import { pressOnSandbox, tempDataDir, TEST_PROJECT, TEST_SECRET } from '../support/counter-harness';
import { NO_NATS_SERVER, startNatsServer, type NatsServer } from '../support/nats-server';

const COUNTER_CHILD = fileURLToPath(new URL('../support/relay-counter-child.ts', import.meta.url));
const NO_OPENSSL =
  spawnSync('openssl', ['version']).status === 0
    ? undefined
    : 'no openssl to make a certificate (apt-get install openssl; .ci/run does)';

function openssl(args: string[]): void {
  const made = spawnSync('openssl', args, { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl ${args[0]} failed: ${made.stderr}`);
}

/**
 * The merchant's own CA and a broker certificate it signed (for localhost and 127.0.0.1),
 * valid for a day, as PEM files.
 */
function makeCertificates(dir: string): { caFile: string; certFile: string; keyFile: string } {
  const file = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    ['req', '-x509', ...ec, '-days', '1', '-subj', '/CN=Test Merchant CA'].concat([
      '-keyout',
      file('ca-key.pem'),
      '-out',
      file('ca.pem'),
    ]),
  );
  openssl(
    ['req', ...ec, '-subj', '/CN=localhost', '-keyout', file('broker-key.pem')].concat([
      '-out',
      file('broker.csr'),
    ]),
  );
  writeFileSync(file('broker.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    ['x509', '-req', '-in', file('broker.csr'), '-CA', file('ca.pem')]
      .concat(['-CAkey', file('ca-key.pem'), '-CAcreateserial', '-days', '1'])
      .concat(['-extfile', file('broker.ext'), '-out', file('broker.pem')]),
  );
  return { caFile: file('ca.pem'), certFile: file('broker.pem'), keyFile: file('broker-key.pem') };
}

/**
 * A broker that speaks only TLS with a certificate of the merchant's own CA, as docs/relay.md asks
 * of a broker the counters reach over the internet. The relay and a counter (each its own
 * process) trust that CA either through NODE_EXTRA_CA_CERTS or as configured (`relay --ca`,
 * Settings → Broker CA certificate) and carry a sale's callback over tls://; without it,
 * nothing connects.
 */
describe.skipIf(NO_NATS_SERVER ?? NO_OPENSSL)('relay over TLS', () => {
  /** `alipay-counter relay` for counter S1/C1 on the test broker, plus `extra`. */
  const relayArgs = (extra: string[]) =>
    ['--nats', nats.url, '--port', '0', '--counters', 'S1/C1'].concat(extra);
  const dir = mkdtempSync(join(tmpdir(), 'relay-tls-'));
  let nats: NatsServer;
  let sandbox: Sandbox;
  let certificates: ReturnType<typeof makeCertificates>;
  beforeAll(async () => {
    certificates = makeCertificates(dir);
    nats = await startNatsServer({ tls: certificates });
    sandbox = await createSandbox({ projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }] });
  });
  afterAll(async () => {
    await sandbox?.close();
    await nats?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A sale paid on the sandbox whose final state reaches the counter through the relay. */
  async function paidThroughRelay(
    relayOptions: string[],
    relayEnv: Record<string, string>,
    counterEnv: Record<string, string>,
  ): Promise<void> {
    expect(nats.url).toMatch(/^tls:\/\//);
    const relay = await startRelayProcess(relayArgs(relayOptions), relayEnv);
    const counter = new LineChild(COUNTER_CHILD, {
      ...counterEnv,
      DATA_DIR: tempDataDir(),
      SANDBOX_URL: sandbox.url,
      SANDBOX_SECRET: TEST_SECRET,
      NATS_URL: nats.url,
      RELAY_URL: relay.url,
      AMOUNT: '45.00',
    });
    try {
      const paymentId = (await counter.line(/^CHARGED (\S+)/))[1]!;
      await counter.line(new RegExp(`^STATE ${paymentId} awaiting_customer`));
      expect(await pressOnSandbox(sandbox, paymentId, 'success')).toBe(303);
      // Status polling waits a minute here: "succeeded" now can only have come by the relay.
      await counter.line(new RegExp(`^STATE ${paymentId} succeeded`));
    } finally {
      await counter.kill();
      await relay.stop();
    }
  }

  it('the CA trusted through NODE_EXTRA_CA_CERTS: a paid sale through the relay over tls://', async () => {
    const trust = { NODE_EXTRA_CA_CERTS: certificates.caFile };
    await paidThroughRelay([], trust, trust);
  }, 60_000);

  it('the CA given to the relay (--ca) and to the counter (Settings): a paid sale over tls://', async () => {
    await paidThroughRelay(
      ['--ca', certificates.caFile],
      {},
      {
        RELAY_CA_PEM: readFileSync(certificates.caFile, 'utf8'),
      },
    );
  }, 60_000);

  it('without the CA, the relay does not start and says how to give it', async () => {
    await expect(startRelayProcess(relayArgs([]))).rejects.toThrow(
      /certificate is not trusted .*--ca FILE/,
    );
  }, 30_000);

  it('Settings takes only a CA certificate, and says what is wrong with anything else', () => {
    expect(caCertificateProblem('')).toBeUndefined();
    expect(caCertificateProblem(readFileSync(certificates.caFile, 'utf8'))).toBeUndefined();
    const words = (pem: string) => {
      const problem = caCertificateProblem(pem);
      return problem ? english(problem) : undefined;
    };
    expect(words(readFileSync(certificates.certFile, 'utf8'))).toMatch(
      /CN=localhost is not a CA certificate: paste the CA that signed the relay server's certificate/,
    );
    expect(words('hello')).toMatch(/Paste a PEM certificate/);
    expect(words('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toMatch(
      /cannot be read: paste the whole PEM file/,
    );
  });
});
