import { describe, expect, it } from 'vitest';
import { counterToken } from '../../src/relay/counter-tokens';
import { NO_NATS_SERVER, startNatsServer } from '../support/nats-server';
import { TEST_RELAY_KEY } from '../support/relay-harness';
import { runCli } from '../support/run-cli';

const KEY = { RELAY_KEY: TEST_RELAY_KEY };

describe('alipay-counter relay: keys, tokens and broker users', () => {
  it('new-key prints a key the relay accepts; token prints the counter path or URL with that key', async () => {
    const made = await runCli(['relay', 'new-key']);
    expect(made.code).toBe(0);
    const key = made.stdout.trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const path = await runCli(['relay', 'token', 'S1/C1'], { env: { RELAY_KEY: key } });
    expect(path).toMatchObject({
      code: 0,
      stdout: `/cb/S1/C1/${counterToken(key, { store: 'S1', counter: 'C1' })}\n`,
    });
    const url = await runCli(['relay', 'token', 'S1/C1', '--url', 'https://relay.example.com/'], {
      env: KEY,
    });
    expect(url.stdout).toBe(
      `https://relay.example.com/cb/S1/C1/${counterToken(TEST_RELAY_KEY, { store: 'S1', counter: 'C1' })}\n`,
    );
  });

  it('says in one line what is wrong: no key, a short key, a bad counter, a bad URL', async () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['relay', 'token', 'S1/C1'], { RELAY_KEY: '' }, /RELAY_KEY is not set.*relay new-key/],
      [['relay', 'token', 'S1/C1'], { RELAY_KEY: 'short' }, /at least 32 characters/],
      [['relay', 'token', 'S1'], KEY, /"S1" is not STORE\/COUNTER/],
      [['relay', 'token'], KEY, /give the counter as STORE\/COUNTER/],
      [
        ['relay', 'token', 'S1/C1', '--url', 'relay.example.com'],
        KEY,
        /--url must be the relay's address/,
      ],
      [['relay', 'nats-config'], KEY, /--counters STORE\/COUNTER\[,\.\.\.\] is required/],
      [
        ['relay', '--nats', 'nats://127.0.0.1:4222', '--port', '0', '--counters', 'S1/C1'],
        { RELAY_KEY: '' },
        /RELAY_KEY is not set/,
      ],
    ];
    // The runs are independent: side by side, seven CLI starts fit the timeout on a busy machine.
    const runs = await Promise.all(cases.map(([args, env]) => runCli(args, { env })));
    for (const [index, [args, , message]] of cases.entries()) {
      const run = runs[index]!;
      expect({ args, code: run.code, stderr: run.stderr.trim().split('\n').length }).toEqual({
        args,
        code: 1,
        stderr: 1,
      });
      expect(run.stderr).toMatch(message);
    }
  });

  it('nats-config prints users with fresh passwords: the relay and each counter, each to its own subjects', async () => {
    const run = await runCli(['relay', 'nats-config', '--counters', 'S1/C1,S2/C7']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# NATS users for the Alipay Counter callback relay/);
    expect(run.stdout).toContain('user: "relay"');
    expect(run.stdout).toContain('user: "S1/C1"');
    expect(run.stdout).toContain(
      '"$JS.API.CONSUMER.CREATE.CALLBACKS.counter-2-S2-C7.callbacks.S2.C7"',
    );
    const passwords = [...run.stdout.matchAll(/password: "([^"]+)"/g)].map((m) => m[1]);
    expect(passwords).toHaveLength(3);
    expect(new Set(passwords).size).toBe(3);
    const again = await runCli(['relay', 'nats-config', '--counters', 'S1/C1,S2/C7']);
    expect(again.stdout).not.toContain(passwords[0]!);
  });

  it.skipIf(NO_NATS_SERVER)('nats-server accepts what nats-config prints', async () => {
    const run = await runCli(['relay', 'nats-config', '--counters', 'S1/C1']);
    const nats = await startNatsServer({ authorization: run.stdout });
    await nats.close();
  });
});
