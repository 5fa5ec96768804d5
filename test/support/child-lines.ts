import { spawn, type ChildProcess } from 'node:child_process';

/** A child process (a TypeScript file run with tsx) whose stdout lines can be awaited. */
export class LineChild {
  readonly lines: string[] = [];
  readonly process: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(script: string, env: Record<string, string>) {
    this.process = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    this.process.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      this.lines.push(...parts);
      for (const wake of this.waiters) wake();
    });
  }

  /** Waits (bounded) for a line matching `pattern`. */
  async line(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of this.lines) {
        const match = pattern.exec(line);
        if (match) return match;
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no line ${pattern} within ${timeoutMs} ms; got:\n${this.lines.join('\n')}`,
        );
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(left, 250));
        this.waiters.add(done);
      });
    }
  }

  /** SIGKILLs it (a crash) and waits until it is gone. */
  async kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGKILL');
    await exited;
  }
}
