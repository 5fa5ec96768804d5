import { randomBytes } from 'node:crypto';
import { said } from '../../shared/i18n/said';
import type { ConnectionTestView } from '../../shared/ipc/views';
import { probeCallbackPath } from '../callbacks/callback-probe';
import { findingContext, gateFinding, type Finding } from '../gate/connection-findings';
import type { Journal } from '../journal/journal';
import { checkRelayPath, type RelayLinkNow } from '../relay/relay-check';
import { createLogger } from '../logging/logger';
import { relayConfigured, type Settings } from '../settings/settings';
import type { CallbackEndpoint } from '../callbacks/callback-endpoint';
import type { GateConnection } from '../gate/gate-connection';

const log = createLogger('app');
const STATE_KEY = 'connection_test';
/** When a test first passed on this counter: its first run is over from then on. */
const FIRST_PASS_KEY = 'connection_test_first_pass';
/** How long the test waits for Gate, and for the callback probe. */
export const CONNECTION_TEST_TIMEOUT_MS = 10_000;

/**
 * A test as the journal keeps it: what it found, and what it was run against. Tests stored by
 * older versions have findings in English words (`text`) instead of messages.
 */
interface StoredTest {
  readonly at: number;
  readonly ok: boolean;
  readonly findings: Array<Finding | { readonly ok: boolean; readonly text: string }>;
  /** Gate URL, project and secret fingerprint it ran with: a pass counts only for those. */
  readonly target: string;
}

/**
 * Settings → Test connection (and the first-run screen): a signed status request for a fresh
 * id, whose "3061 Transaction not found" proves Gate accepted the project and the signature,
 * and, with a public callback URL set, a probe that must come back to this counter's listener;
 * with a callback relay set, whether the relay answers and this counter is connected to it.
 * The result is kept in the journal; a live counter charges only after a pass with the Gate
 * URL, project and secret key in use now.
 */
export class ConnectionTest {
  private running: Promise<ConnectionTestView> | undefined;

  constructor(
    private readonly journal: Journal,
    private readonly connection: GateConnection,
    private readonly endpoint: CallbackEndpoint,
    private readonly timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
    /** This counter's callback relay link, when the counter has one. */
    private readonly relay?: () => RelayLinkNow,
  ) {}

  /** Runs the test (one at a time: a second request waits for the first's result). */
  run(settings: Settings): Promise<ConnectionTestView> {
    this.running ??= this.runNow(settings).finally(() => (this.running = undefined));
    return this.running;
  }

  /** The last result, as Settings shows it, and whether it counts for the settings in use. */
  view(settings: Settings): ConnectionTestView | null {
    const stored = this.stored();
    if (!stored) return null;
    return {
      at: stored.at,
      ok: stored.ok,
      findings: stored.findings.map(findingView),
      current: stored.target === this.target(settings),
    };
  }

  /** True once any test has passed on this counter (the first-run screen is done). */
  everPassed(): boolean {
    return this.journal.getCounterState(FIRST_PASS_KEY) !== undefined;
  }

  /** True when a test passed with the Gate URL, project and secret in use now. */
  passedFor(settings: Settings): boolean {
    const stored = this.stored();
    return stored !== undefined && stored.ok && stored.target === this.target(settings);
  }

  private async runNow(settings: Settings): Promise<ConnectionTestView> {
    const findings: Finding[] = [];
    const client = this.connection.testClient(settings, this.timeoutMs);
    if (!client || settings.projectId === null) {
      findings.push({
        ok: false,
        kind: 'gate_error',
        said: said('settings.test.finding.needAccount'),
      });
    } else {
      try {
        const answer = await client.status(`connection-test-${randomBytes(6).toString('hex')}`);
        findings.push(
          gateFinding(answer, settings.projectId, findingContext(settings.gateUrl, this.timeoutMs)),
        );
      } finally {
        client.close();
      }
    }
    const listener = this.endpoint.listener();
    // With a relay set, Gate posts there (it wins over a public callback URL; see create-counter).
    if (relayConfigured(settings) && this.relay)
      findings.push(await checkRelayPath(settings, this.relay(), this.timeoutMs, this.now));
    else if (settings.callbackPublicUrl === '')
      findings.push({
        ok: true,
        kind: 'no_callback_url',
        said: said('settings.test.finding.noCallbackUrl'),
      });
    else if (listener)
      findings.push(await probeCallbackPath(settings.callbackPublicUrl, listener, this.timeoutMs));
    // A pass is Gate's acceptance: money is safe with polling alone, so an unreachable
    // callback path is reported, not blocking (a router may not loop the probe back in).
    const ok = findings[0]?.kind === 'connected';
    const stored: StoredTest = { at: this.now(), ok, findings, target: this.target(settings) };
    this.journal.inTransaction(() => {
      this.journal.setCounterState(STATE_KEY, JSON.stringify(stored));
      if (ok && !this.everPassed()) this.journal.setCounterState(FIRST_PASS_KEY, String(stored.at));
      this.journal.audit('manager', 'connection tested', null, {
        ok,
        findings: findings.map((f) => f.kind),
      });
    });
    log.info('connection tested', { ok, findings: findings.map((f) => f.kind) });
    return this.view(settings)!;
  }

  private stored(): StoredTest | undefined {
    const text = this.journal.getCounterState(STATE_KEY);
    return text ? (JSON.parse(text) as StoredTest) : undefined;
  }

  private target(settings: Settings): string {
    return `${settings.gateUrl}|${settings.projectId ?? ''}|${this.connection.secretFingerprint() ?? ''}`;
  }
}

/** A stored finding as Settings shows it; one an older version stored in English says so. */
function findingView(
  finding: StoredTest['findings'][number],
): ConnectionTestView['findings'][number] {
  if (!('said' in finding))
    return { ok: finding.ok, said: said('settings.test.legacy'), detail: finding.text };
  return {
    ok: finding.ok,
    said: finding.said,
    ...(finding.hint ? { hint: finding.hint } : {}),
    ...(finding.detail ? { detail: finding.detail } : {}),
  };
}
