import { Socket } from 'node:net';
import { said, type Said } from '../../../shared/i18n/said';
import {
  failed,
  sent,
  type PrintPayload,
  type PrintTransport,
  type SendOutcome,
} from './print-transport';

/** How long each step of a network print may take (tests shorten them). */
export interface TcpTimeouts {
  /** To open the connection. */
  readonly connectMs: number;
  /** For the answer to the real-time status request sent first (ESC/POS DLE EOT 4). */
  readonly statusMs: number;
  /** For the printer to confirm the whole slip: its status answer, or closing after the end. */
  readonly finishMs: number;
}

export const DEFAULT_TCP_TIMEOUTS: TcpTimeouts = {
  connectMs: 3000,
  statusMs: 800,
  finishMs: 10_000,
};

/** DLE EOT 4: "roll paper sensor status", answered at once, even while the printer is offline. */
const PAPER_STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);
/** Bits 5 and 6 of that answer: the paper has run out. */
const PAPER_END_BITS = 0x60;

/** What the network error means for the cashier. */
function describeConnectError(error: NodeJS.ErrnoException, address: string): Said {
  switch (error.code) {
    case 'ECONNREFUSED':
      return said('printing.failure.refused', { address });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return said('printing.failure.unknownHost', { host: address.replace(/:\d+$/, '') });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return said('printing.failure.unreachable', { address });
    case 'ECONNRESET':
    case 'EPIPE':
      return said('printing.failure.reset', { address });
    default:
      return said('printing.failure.network', { address, detail: error.message });
  }
}

/**
 * Sends a slip to a network ESC/POS printer over raw TCP (port 9100, "AppSocket"). The slip is
 * taken once the printer answers the status request that ends it (GS r 1, sent back after
 * everything before it was processed) or closes the connection after reading to the end. A
 * printer that says its paper is out gets nothing, so Retry after a new roll prints it once.
 */
export function sendOverTcp(
  host: string,
  port: number,
  bytes: Buffer,
  timeouts: TcpTimeouts = DEFAULT_TCP_TIMEOUTS,
): Promise<SendOutcome> {
  const where = `${host}:${port}`;
  return new Promise((resolve) => {
    const socket = new Socket();
    let phase: 'connecting' | 'status' | 'printing' | 'done' = 'connecting';
    let timer: NodeJS.Timeout | undefined;
    // Sent only when both hold: every byte handed to the network, and the printer closed its
    // side (a printer that closes with bytes unread resets the connection instead: an error).
    let flushed = false;
    let printerClosed = false;
    const finish = (outcome: SendOutcome) => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const after = (ms: number, onTimeout: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    // A step that takes too long ends the send, saying which step and after how long.
    const giveUpAfter = (
      ms: number,
      step: 'printing.failure.noAnswer' | 'printing.failure.notConfirmed',
    ) =>
      after(ms, () =>
        finish(failed(said(step, { address: where, seconds: Math.round(ms / 1000) }))),
      );
    const print = () => {
      phase = 'printing';
      giveUpAfter(timeouts.finishMs, 'printing.failure.notConfirmed');
      socket.end(bytes, () => {
        flushed = true;
        if (printerClosed) finish(sent);
      });
    };

    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(failed(describeConnectError(error, where))),
    );
    socket.on('data', (data: Buffer) => {
      if (phase === 'status') {
        if ((data[0]! & PAPER_END_BITS) === PAPER_END_BITS) {
          finish(failed(said('printing.failure.paperOut', { address: where })));
          return;
        }
        print();
      } else if (phase === 'printing') {
        // The answer to the slip's closing status request: everything before it was taken.
        finish(sent);
      }
    });
    // The printer closed its side after reading everything we sent: the slip is in.
    socket.on('end', () => {
      printerClosed = true;
      if (phase !== 'printing')
        finish(failed(said('printing.failure.closedEarly', { address: where })));
      else if (flushed) finish(sent);
    });
    giveUpAfter(timeouts.connectMs, 'printing.failure.noAnswer');
    socket.connect({ host, port }, () => {
      phase = 'status';
      // A printer that does not answer status requests is still printed to, after a moment.
      after(timeouts.statusMs, print);
      socket.write(PAPER_STATUS_REQUEST);
    });
  });
}

/** A network ESC/POS printer at host:port. */
export function tcpTransport(
  host: string,
  port: number,
  timeouts: TcpTimeouts = DEFAULT_TCP_TIMEOUTS,
): PrintTransport {
  return {
    description: said('printing.printer.tcp', { address: `${host}:${port}` }),
    send: (payload: PrintPayload) => sendOverTcp(host, port, payload.bytes, timeouts),
  };
}
