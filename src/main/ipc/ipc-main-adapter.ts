import { CHANNELS, CUSTOMER_DISPLAY_CHANNELS, type Channel } from '../../shared/ipc/contract';
import { err } from '../../shared/result';
import type { Dispatch } from './dispatcher';

/** The parts of Electron's IpcMainInvokeEvent the adapter reads. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender?: { readonly id?: number; printToPDF(options: object): Promise<Uint8Array> };
}

/** The part of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * True for the top frame of one of the app's own pages (`app://counter/...`, or the dev
 * server in development). Frames from anywhere else (an injected iframe, a navigated page) are
 * refused, as GitHub Desktop and Electron's security checklist advise.
 */
export function isTrustedFrame(
  frame: InvokeEvent['senderFrame'],
  trustedOrigins: readonly string[],
): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    const origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin;
    return trustedOrigins.includes(origin);
  } catch {
    return false;
  }
}

/**
 * Registers one ipcMain handler per channel of the contract: sender frame checked, then the
 * shared dispatcher (schema parse, handler, Result). The only place that calls ipcMain.handle.
 * The customer display's window (its web contents in `displaySenders`) may use only its own
 * channel: whatever runs there cannot charge, refund or read settings.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  trustedOrigins: readonly string[],
  displaySenders: () => ReadonlySet<number> = () => new Set(),
): () => void {
  const channels = Object.keys(CHANNELS);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => {
      if (!isTrustedFrame(event.senderFrame, trustedOrigins)) {
        return err(
          'FORBIDDEN_SENDER',
          `${channel}: refused a message from ${event.senderFrame?.url ?? 'an unknown frame'}`,
        );
      }
      const fromDisplay = event.sender?.id !== undefined && displaySenders().has(event.sender.id);
      if (fromDisplay && !CUSTOMER_DISPLAY_CHANNELS.includes(channel as Channel))
        return err('FORBIDDEN_SENDER', `${channel}: refused a message from the customer display`);
      const sender = event.sender;
      return dispatch(
        channel,
        payload,
        sender
          ? { printToPdf: () => sender.printToPDF({ printBackground: true, pageSize: 'A4' }) }
          : {},
      );
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
