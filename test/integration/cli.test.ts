import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/protocol/signer';
import { loadSignatureVectors } from '../support/shared-docs';
import { runCli, startCli } from '../support/run-cli';

const SECRET = 'cli-test-secret';
const PROJECT = '5150';

/** The one-line failure contract: non-zero exit, exactly one line on stderr. */
function expectOneLineFailure(run: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

describe('CLI: sale against the embedded sandbox', () => {
  it('runs a whole paid purchase and prints it as JSON', async () => {
    const run = await runCli([
      'sale',
      '--amount',
      '10.00',
      '--currency',
      'CNY',
      '--pay',
      'success',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({
      status: 'success',
      code: '0',
      message: 'Success',
      amount: 1000,
      currency: 'CNY',
      learned_from: 'callback',
    });
    expect(result['payment_id']).toMatch(/^cli-/);
    expect(run.stderr).toContain('QR holds: http://127.0.0.1:');
  });

  it('prints a terminal QR code and a human result without --json', async () => {
    const run = await runCli([
      'sale',
      '--amount',
      '10.00',
      '--currency',
      'CNY',
      '--pay',
      'success',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/[█▀▄]{7}/); // QR finder patterns drawn with half blocks
    expect(run.stdout).toMatch(/PAID 10\.00 CNY · payment cli-\S+ · 0 Success/);
  });

  it('exits 2 with the decline for the test amount 400.00 CNY', async () => {
    const run = await runCli([
      'sale',
      '--amount',
      '400.00',
      '--currency',
      'CNY',
      '--pay',
      'success',
      '--json',
    ]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'decline',
      code: '20105',
      message: 'Insufficient funds on customer account',
    });
  });

  it('runs a Payment Page purchase (--mode payment-page): paid, the callback to the link tells', async () => {
    const run = await runCli([
      'sale',
      '--amount',
      '66.00',
      '--currency',
      'CNY',
      '--mode',
      'payment-page',
      '--pay',
      'success',
      // Status is first asked after 10 s, so on a busy machine the callback still comes first.
      '--poll-every',
      '10',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      mode: 'payment-page',
      status: 'success',
      code: '0',
      amount: 6600,
      // The link carries the command's callback URL, as a counter's does: the callback tells.
      learned_from: 'callback',
    });
    expect(run.stderr).toMatch(
      /QR holds: http:\/\/127\.0\.0\.1:\d+\/payment\?project_id=1001&payment_id=cli-/,
    );
  });

  it('a Payment Page link nobody pays expires, exit 2, nothing charged', async () => {
    const run = await runCli([
      'sale',
      '--amount',
      '10.00',
      '--currency',
      'CNY',
      '--mode',
      'payment-page',
      '--lifetime',
      '1',
      '--not-found-grace',
      '0.5',
      '--poll-every',
      '0.3',
      '--json',
    ]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'expired', code: '3061' });
  });

  it('a Payment Page sale that Gate never answers about gives up after --wait: exit 3, outcome unknown', async () => {
    const run = await runCli(
      [
        'sale',
        '--amount',
        '10.00',
        '--currency',
        'CNY',
        '--mode',
        'payment-page',
        '--gate',
        'http://127.0.0.1:9',
        '--project',
        '1001',
        '--lifetime',
        '1',
        '--wait',
        '1',
        '--poll-every',
        '0.3',
        '--timeout',
        '1',
      ],
      { env: { GATE_SECRET: 'cli-secret' } },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/the outcome is unknown\. Check later: npm run -s cli -- status/);
  });

  it.each([
    [
      ['--amount', '10', '--currency', 'CNY', '--mode', 'link'],
      /--mode must be gate or payment-page/,
    ],
    [['--amount', '12.345', '--currency', 'CNY'], /CNY has 2 decimal places/],
    [
      ['--amount', '1,000', '--currency', 'CNY'],
      /"1,000" is unclear\. For 1000, type it without ","/,
    ],
    [['--amount', '-5', '--currency', 'CNY'], /must be positive/],
    [['--amount', 'abc', '--currency', 'CNY'], /not an amount/],
    [['--amount', '9.99', '--currency', 'CNY'], /minimum purchase is 10\.00 CNY/],
    [['--amount', '5000.01', '--currency', 'CNY'], /maximum purchase is 5,000\.00 CNY/],
    [['--amount', '10', '--currency', 'XYZ'], /Unknown currency: "XYZ"/],
    [['--amount', '10', '--currency', 'CNY', '--pay', 'maybe'], /--pay must be success or decline/],
    [['--amount', '10', '--currency', 'CNY', '--secret', 'x'], /Unknown option '--secret'/],
  ])('refuses bad input %j with one clear line and no request', async (args, pattern) => {
    const run = await runCli(['sale', ...args]);
    expectOneLineFailure(run, pattern);
    expect(run.stdout).toBe('');
  });
});

describe('CLI: standalone sandbox, status, refund, faults', () => {
  let sandbox: Awaited<ReturnType<typeof startCli>>;
  let gate: string;
  const env = { GATE_SECRET: SECRET };
  beforeAll(async () => {
    sandbox = await startCli(
      ['sandbox', '--port', '0', '--project', PROJECT],
      /sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))\n/,
      env,
    );
    gate = sandbox.match[1]!;
  });
  afterAll(async () => {
    expect(await sandbox.stop()).toBe(0);
  });

  const sale = async (amount: string, extra: string[] = []) => {
    const run = await runCli(
      [
        'sale',
        '--amount',
        amount,
        '--currency',
        'CNY',
        '--gate',
        gate,
        '--project',
        PROJECT,
        '--pay',
        'success',
        '--json',
        ...extra,
      ],
      { env },
    );
    return { run, result: run.stdout ? (JSON.parse(run.stdout) as Record<string, string>) : {} };
  };

  it('sale, status and a partial refund against the running sandbox', async () => {
    const { run, result } = await sale('20.00');
    expect(run.code).toBe(0);
    const paymentId = result['payment_id']!;

    const status = await runCli(
      ['status', '--payment-id', paymentId, '--project', PROJECT, '--gate', gate],
      { env },
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`payment ${paymentId}: success · 20.00 CNY`);

    const refund = await runCli(
      [
        'refund',
        '--payment-id',
        paymentId,
        '--amount',
        '5.00',
        '--currency',
        'CNY',
        '--project',
        PROJECT,
        '--gate',
        gate,
        '--json',
      ],
      { env },
    );
    expect(refund.code).toBe(0);
    expect(JSON.parse(refund.stdout)).toMatchObject({
      payment_id: paymentId,
      status: 'success',
      amount: 500,
      currency: 'CNY',
    });

    const after = await runCli(
      ['status', '--payment-id', paymentId, '--project', PROJECT, '--gate', gate],
      { env },
    );
    expect(after.stdout).toContain('partially refunded');
    expect(after.stdout).toMatch(/refund success 5\.00 CNY/);
  });

  it('a declined refund (500.00 CNY) exits 2 with the decline', async () => {
    const { result } = await sale('600.00');
    const refund = await runCli(
      [
        'refund',
        '--payment-id',
        result['payment_id']!,
        '--amount',
        '500.00',
        '--currency',
        'CNY',
        '--project',
        PROJECT,
        '--gate',
        gate,
        '--json',
      ],
      { env },
    );
    expect(refund.code).toBe(2);
    expect(JSON.parse(refund.stdout)).toMatchObject({ status: 'decline' });
  });

  it('learns the result by status polling when callbacks are lost', async () => {
    await fetch(`${gate}/sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ dropCallbacks: true }),
    });
    try {
      const { run, result } = await sale('30.00', ['--poll-after', '0.5']);
      expect(run.code).toBe(0);
      expect(result).toMatchObject({ status: 'success', learned_from: 'status' });
    } finally {
      await fetch(`${gate}/sandbox/faults`, { method: 'DELETE' });
    }
  });

  it('reconciles by status when the sale request is cut after Gate processed it', async () => {
    await fetch(`${gate}/sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ requests: [{ endpoint: 'sale', action: 'cut_after' }] }),
    });
    const { run, result } = await sale('31.00', ['--poll-after', '0.5']);
    expect(run.code).toBe(0);
    expect(result).toMatchObject({ status: 'success' });
    expect(run.stderr).toContain('asking Gate for the status instead of sending again');
  });

  it('a callback with status error ends the sale declined, as at the counter (exit 2)', async () => {
    await fetch(`${gate}/sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ dropCallbacks: true }),
    });
    try {
      const paymentId = `cli-error-${Date.now()}`;
      const running = runCli(
        [
          'sale',
          ...['--amount', '33.00', '--currency', 'CNY', '--gate', gate, '--project', PROJECT],
          ...['--payment-id', paymentId, '--json'],
        ],
        { env },
      );
      // Once Gate has the sale, it reports an error for it, as a live Gate may, at the callback
      // URL the sale gave (the command line listens on a port of its own choosing).
      let callbackUrl: string | undefined;
      const callbackUrlAtGate = async () => {
        const seen = await fetch(`${gate}/sandbox/payments/${PROJECT}/${paymentId}`);
        if (seen.ok) {
          const payment = (await seen.json()) as { callbacks: Array<{ url: string }> };
          callbackUrl = payment.callbacks[0]?.url;
        }
        return callbackUrl;
      };
      await expect
        .poll(callbackUrlAtGate, { timeout: 5000 })
        .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const body = {
        project_id: Number(PROJECT),
        payment: { id: paymentId, status: 'error', sum: { amount: 3300, currency: 'CNY' } },
        errors: [{ code: '502', message: 'Validation error' }],
      };
      const posted = await fetch(callbackUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, signature: sign(body, SECRET) }),
      });
      expect(posted.status).toBe(200);
      const run = await running;
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout)).toMatchObject({
        payment_id: paymentId,
        status: 'decline',
        code: '502',
        message: 'Validation error',
        learned_from: 'callback',
      });
    } finally {
      await fetch(`${gate}/sandbox/faults`, { method: 'DELETE' });
    }
  });

  it('status of an unknown payment fails with one line', async () => {
    const run = await runCli(
      ['status', '--payment-id', 'nope', '--project', PROJECT, '--gate', gate],
      { env },
    );
    expectOneLineFailure(run, /payment nope not found \(3061 Transaction not found\)/);
  });

  it('a wrong secret is reported as Gate rejecting the signature', async () => {
    const run = await runCli(
      ['status', '--payment-id', 'x', '--project', PROJECT, '--gate', gate],
      { env: { GATE_SECRET: 'wrong' } },
    );
    expectOneLineFailure(run, /3261 Invalid signature/);
  });

  it('doctor: connected (exit 0), a wrong secret (exit 1), one line per finding', async () => {
    const good = await runCli(['doctor', '--project', PROJECT, '--gate', gate], { env });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(
      /^ok: ecommpay accepted project \d+ and its secret key\. \(3061 Transaction not found\)\n$/,
    );
    const wrong = await runCli(['doctor', '--project', PROJECT, '--gate', gate], {
      env: { GATE_SECRET: 'not-the-secret' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(
      /^problem: ecommpay refused the secret key of project \d+\. .*3261 Invalid signature/,
    );
    const unknown = await runCli(['doctor', '--project', '999', '--gate', gate], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/^problem: ecommpay does not know project 999\./);
  });

  it('doctor --callback-url: a URL that leads to the listener it starts passes; one that does not fails', async () => {
    const free = http.createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const reached = await runCli(
      [
        'doctor',
        '--project',
        PROJECT,
        '--gate',
        gate,
        '--callback-url',
        `http://127.0.0.1:${port}/callback`,
        '--callback-port',
        String(port),
      ],
      { env },
    );
    expect(reached.code).toBe(0);
    expect(reached.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^ok: ecommpay accepted project/),
      expect.stringMatching(/^ok: Payment results reach this counter/),
    ]);
    const missed = await runCli(
      ['doctor', '--project', PROJECT, '--gate', gate, '--callback-url', `${gate}/callback`],
      { env: { ...env } },
    );
    expect(missed.code).toBe(1);
    expect(missed.stdout).toMatch(
      /problem: A test sent to .* did not reach this counter\. .*\(HTTP 404, not from this counter's listener\)/,
    );
  });

  it("sale and refund refuse to send a real Gate a request without the customer's place", async () => {
    const toReal = ['--gate', 'https://gate.example.invalid', '--project', PROJECT];
    const sale = await runCli(['sale', '--amount', '10.00', '--currency', 'CNY', ...toReal], {
      env,
    });
    expectOneLineFailure(
      sale,
      /^sale: a request to https:\/\/gate\.example\.invalid needs --customer-ip IP \(the store's public address\) and --return-url URL/,
    );
    const refund = await runCli(
      ['refund', '--payment-id', 'x', '--amount', '1.00', '--currency', 'CNY', ...toReal],
      { env },
    );
    expectOneLineFailure(refund, /^refund: a request to .* needs --customer-ip IP/);
    const lan = await runCli(
      [
        'sale',
        '--amount',
        '10.00',
        '--currency',
        'CNY',
        ...toReal,
        '--customer-ip',
        '192.168.0.5',
        '--return-url',
        'https://tea.example/thanks',
      ],
      { env },
    );
    expectOneLineFailure(lan, /^sale: --customer-ip: 192\.168\.0\.5 is a private \(LAN\) address/);
    const plain = await runCli(
      [
        'status',
        '--payment-id',
        'x',
        '--project',
        PROJECT,
        '--gate',
        'http://gate.example.invalid',
      ],
      { env },
    );
    expectOneLineFailure(plain, /^status: --gate must be https:\/\//);
  });

  it('the sandbox needs GATE_SECRET and says so', async () => {
    const run = await runCli(['sandbox', '--port', '0', '--project', '1']);
    expectOneLineFailure(run, /GATE_SECRET is not set/);
  });
});

describe('CLI: sign and verify', () => {
  const vectors = loadSignatureVectors().filter(
    (v) => v.name.startsWith('V') && v.secret === 'qwerty',
  );

  it('sign prints the signature of each official vector', async () => {
    for (const v of vectors.slice(0, 3)) {
      const run = await runCli(['sign'], {
        env: { GATE_SECRET: v.secret },
        input: JSON.stringify(v.params),
      });
      expect(run.stdout).toBe(`${v.signature}\n`);
    }
  });

  it('sign --lines signs one JSON value per line', async () => {
    const input = vectors.map((v) => JSON.stringify(v.params)).join('\n') + '\n';
    const run = await runCli(['sign', '--lines'], { env: { GATE_SECRET: 'qwerty' }, input });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual(vectors.map((v) => v.signature));
  });

  it('sign refuses a line that is not JSON, naming it', async () => {
    const run = await runCli(['sign', '--lines'], {
      env: { GATE_SECRET: 'qwerty' },
      input: '{"a":1}\n{oops\n',
    });
    expectOneLineFailure(run, /line 2 is not JSON/);
  });

  it('verify accepts a signed callback and rejects a tampered one', async () => {
    const callback = {
      project_id: 201,
      payment: { id: 'ECT_TEST_1', status: 'success', sum: { amount: 1000, currency: 'CNY' } },
    };
    const signed = { ...callback, signature: sign(callback, SECRET) };
    const good = await runCli(['verify'], {
      env: { GATE_SECRET: SECRET },
      input: JSON.stringify(signed),
    });
    expect(good).toMatchObject({ code: 0, stdout: 'valid\n' });
    const tampered = JSON.stringify({
      ...signed,
      payment: { ...callback.payment, sum: { amount: 1, currency: 'CNY' } },
    });
    const bad = await runCli(['verify'], { env: { GATE_SECRET: SECRET }, input: tampered });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('invalid: the signature does not match the message\n');
    const unsigned = await runCli(['verify'], {
      env: { GATE_SECRET: SECRET },
      input: JSON.stringify(callback),
    });
    expect(unsigned.stdout).toBe('invalid: no signature in the message\n');
  });
});
