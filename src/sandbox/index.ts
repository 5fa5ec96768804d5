export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox-server';
export {
  QR_MODES,
  qrModeOf,
  type QrMode,
  type SandboxProject,
  type SandboxFaults,
  type RequestFault,
  type SandboxPayment,
} from './sandbox-types';
export { secondsBeforeAttempt, secondsUntilAttempt, MAX_CALLBACK_ATTEMPTS } from './retry-schedule';
export { networkAddresses } from './phone-access';
