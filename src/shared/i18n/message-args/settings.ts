// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the settings area that take no values. */
export type SettingsPlain =
  | `settings.about.${'channel' | 'check' | 'crashDumps' | 'dataFolder' | 'keychain'}`
  | `settings.about.${'logFile' | 'logsInTerminal' | 'noLogFile' | 'openLogs' | 'restart'}`
  | `settings.about.${'startAtLogin' | 'thisComputer' | 'updates'}`
  | `settings.about.channel.${'pilot' | 'stable'}`
  | `settings.account.${'gateUrl' | 'projectId' | 'secret'}`
  | 'settings.account.gateUrl.hint'
  | 'settings.account.projectId.hint'
  | 'settings.account.secret.hint'
  | `settings.${'advanced' | 'demoNote'}`
  | 'settings.advanced.hint'
  | `settings.callbacks.${'bindAddress' | 'intro' | 'port' | 'publicUrl'}`
  | 'settings.callbacks.bindAddress.hint'
  | 'settings.callbacks.port.hint'
  | 'settings.callbacks.publicUrl.hint'
  | `settings.customer.${'linkLifetime' | 'paymentPageUrl' | 'purchaseMode' | 'qrKinds'}`
  | `settings.customer.${'returnUrl' | 'successUrl' | 'threshold'}`
  | `settings.customer.mode.${'gateQr' | 'paymentPage'}`
  | 'settings.customer.purchaseMode.hint'
  | 'settings.customer.qrKinds.hint'
  | 'settings.customer.returnUrl.hint'
  | 'settings.customer.successUrl.hint'
  | 'settings.customer.threshold.hint'
  | `settings.default.${'none' | 'systemCas'}`
  | `settings.error.${'demoFixed' | 'pinNotSet'}`
  | `settings.field.${'notSet' | 'savedReplace'}`
  | `settings.heldBack.${'hint' | 'label' | 'retry'}`
  | `settings.keychain.${'available' | 'demo' | 'unavailable'}`
  | `settings.limits.${'currency' | 'intro' | 'max' | 'min'}`
  | `settings.pin.${'change' | 'changeTitle' | 'current' | 'new' | 'repeat' | 'reset'}`
  | `settings.pin.${'resetSecret' | 'resetTitle' | 'resetWhy' | 'set' | 'setTitle'}`
  | `settings.pin.problem.${'currentMissing' | 'mismatch' | 'secretMissing'}`
  | `settings.problem.address.${'invalid' | 'notHttps'}`
  | `settings.problem.${'callbackBindAddress' | 'callbackPort' | 'merchantName'}`
  | `settings.problem.${'notAccepted' | 'projectId' | 'qrKinds' | 'seconds' | 'secret'}`
  | 'settings.problem.terminalId'
  | `settings.problem.limit.${'minAboveMax' | 'notAmount'}`
  | `settings.problem.live.${'needAccount' | 'noProject' | 'noReturnPage' | 'noSecret'}`
  | `settings.problem.live.${'noStoreIp' | 'testFirst'}`
  | `settings.problem.relay.${'bothOrNone' | 'caNotPem' | 'caUnreadable' | 'callbackUrl'}`
  | `settings.problem.relay.${'natsMixed' | 'userMissing'}`
  | 'settings.problems.title'
  | `settings.relay.${'ca' | 'callbackUrl' | 'intro' | 'password' | 'servers' | 'title'}`
  | 'settings.relay.user'
  | 'settings.relay.ca.hint'
  | 'settings.relay.callbackUrl.hint'
  | 'settings.relay.heldBackReason.signature'
  | 'settings.relay.servers.hint'
  | 'settings.relay.state.off'
  | 'settings.save.saved'
  | `settings.section.${'about' | 'account' | 'callbacks' | 'customerPage' | 'limits' | 'pin'}`
  | `settings.section.${'printer' | 'staff' | 'store'}`
  | 'settings.sections.label'
  | `settings.staff.${'active' | 'add' | 'addTitle' | 'cashier' | 'disable' | 'disabled'}`
  | `settings.staff.${'enable' | 'manager' | 'name' | 'newPin' | 'pin' | 'pinAgain' | 'rename'}`
  | `settings.staff.${'role' | 'save' | 'state'}`
  | `settings.store.${'currency' | 'customerDisplay' | 'customerLanguage' | 'language'}`
  | `settings.store.${'merchantName' | 'storeIp' | 'terminalId'}`
  | 'settings.store.currency.hint'
  | 'settings.store.customerDisplay.auto'
  | 'settings.store.customerLanguage.hint'
  | 'settings.store.merchantName.hint'
  | 'settings.store.storeIp.hint'
  | 'settings.store.terminalId.hint'
  | `settings.test.${'details' | 'intro' | 'legacy' | 'none' | 'run' | 'running' | 'stale'}`
  | 'settings.test.title'
  | `settings.test.finding.${'gateTrouble' | 'ipNotAllowed' | 'needAccount' | 'noCallbackUrl'}`
  | `settings.test.finding.${'refused' | 'relayHint' | 'relayNoServers' | 'relayNotConnected'}`
  | 'settings.test.finding.relayOddAnswer'
  | `settings.updates.${'checking' | 'downloadingUnknown' | 'failed' | 'idle' | 'latest'}`
  | `settings.updates.${'notConfigured' | 'notDuringSale' | 'notReady' | 'onlyInstalled'}`
  | `settings.wizard.${'next' | 'pinAgain' | 'pinIntro' | 'saveNext' | 'start' | 'stepTest'}`
  | `settings.wizard.${'steps' | 'testAgain' | 'title'}`;

/**
 * The messages of the settings area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface SettingsArgs
  extends
    Record<SettingsPlain, undefined>,
    Record<'settings.about.cannotOpenFolder', { folder: T }>,
    Record<'settings.about.mode' | 'settings.customer.mode.auto', { mode: string }>,
    Record<
      'settings.about.version' | `settings.updates.${'downloading' | 'installing' | 'ready'}`,
      { version: T }
    >,
    Record<'settings.customer.qrKind', { kind: string }>,
    Record<'settings.default', { value: T }>,
    Record<'settings.heldBack.item', { at: number; reason: T; size: number; source: T }>,
    Record<'settings.heldBack.result', { applied: number; left: number }>,
    Record<'settings.heldBack.title' | 'settings.save.checkFields', { count: number }>,
    Record<`settings.limits.${'maxOf' | 'minOf'}`, { currency: T }>,
    Record<'settings.pin.digits' | 'settings.pin.problem.length', { max: T; min: T }>,
    Record<'settings.pin.easyToGuess', { count: T }>,
    Record<'settings.pin.locked', { until: number }>,
    Record<'settings.pin.tooShort', { count: T; min: T }>,
    Record<'settings.problem.bind', { address: T; reason: string }>,
    Record<
      `settings.problem.limit.${'aboveBound' | 'belowBound'}`,
      { amount: number; currency: T }
    >,
    Record<'settings.problem.live.insecureAddress', { field: string }>,
    Record<'settings.problem.relay.caNotCa', { subject: T }>,
    Record<
      'settings.problem.relay.natsInvalid' | 'settings.problem.storeIp.invalid',
      { address: T }
    >,
    Record<
      | 'settings.problem.relay.natsPlain'
      | `settings.test.finding.${'connectionFailed' | 'connectionRefused' | 'notGate'}`
      | `settings.test.finding.${'proxyLogin' | 'tls' | 'unreachable'}`,
      { host: T }
    >,
    Record<'settings.problem.storeIp.notPublic', { address: T; kind: string }>,
    Record<'settings.problems.open' | 'settings.save.pinTitle', { section: T }>,
    Record<
      | `settings.relay.state.${'connected' | 'connecting' | 'reconnecting'}`
      | 'settings.test.finding.relayOk',
      { since: number }
    >,
    Record<
      | `settings.staff.${'addPinTitle' | 'disableTitle' | 'enableTitle' | 'pinTitle'}`
      | 'settings.staff.renameTitle',
      { name: T }
    >,
    Record<'settings.store.customerDisplay.screen', { height: T; label: T; width: T }>,
    Record<`settings.test.${'failed' | 'passed'}`, { at: number }>,
    Record<
      | `settings.test.finding.${'answerUnverified' | 'connected' | 'unknownProject'}`
      | 'settings.test.finding.wrongSecret',
      { project: T }
    >,
    Record<'settings.test.finding.callbacksHint', { host: T; listener: T }>,
    Record<`settings.test.finding.${'callbacksReached' | 'callbacksUnreachable'}`, { url: T }>,
    Record<'settings.test.finding.dns', { host: T; target: string }>,
    Record<'settings.test.finding.proxyNote', { host: T; proxy: T }>,
    Record<'settings.test.finding.timeout', { host: T; seconds: number; target: string }> {}
