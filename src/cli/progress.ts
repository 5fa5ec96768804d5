import { mmss } from './terminal-qr';

/**
 * Where a command's progress goes: stdout for people, stderr when stdout carries --json.
 * On a terminal it also keeps one live countdown line for the QR's lifetime.
 */
export class Progress {
  private timer: NodeJS.Timeout | undefined;
  private live = false;
  private readonly stream: NodeJS.WriteStream;

  constructor(json: boolean) {
    this.stream = json ? process.stderr : process.stdout;
  }

  /** Prints a line (above the countdown, if one is running). */
  line(text: string): void {
    this.clearLive();
    this.stream.write(`${text}\n`);
  }

  /** Shows "QR valid for m:ss" counting down, on terminals only. */
  countdown(seconds: number, label: string): void {
    this.stopCountdown();
    const ends = Date.now() + seconds * 1000;
    if (!this.stream.isTTY) {
      this.line(`${label}: QR valid for ${mmss(seconds)}`);
      return;
    }
    const draw = () => {
      const left = (ends - Date.now()) / 1000;
      const text =
        left > 0
          ? `${label}: QR valid for ${mmss(left)}`
          : `${label}: QR expired, waiting for Gate's final answer`;
      this.stream.write(`\r\x1b[2K${text}`);
      this.live = true;
    };
    draw();
    this.timer = setInterval(draw, 1000);
  }

  /** Stops the countdown line. */
  stopCountdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clearLive();
  }

  private clearLive(): void {
    if (this.live) this.stream.write('\r\x1b[2K');
    this.live = false;
  }
}
