import { parseOptions, portOption, positiveNumber, projectId, required, optional } from './options';
import type { Options, Spec } from './options';

/** A command of the command line: runs with its arguments, resolves with the exit code. */
export interface Command {
  (argv: string[]): Promise<number>;
  readonly help: string;
}

/** The options a command takes: those with a value (`--name value`), then switches (`--name`). */
export function optionSpec(values: readonly string[], switches: readonly string[] = []): Spec {
  const spec: Spec = {};
  for (const name of values) spec[name] = { type: 'string' };
  for (const name of switches) spec[name] = { type: 'boolean' };
  return spec;
}

/** One command's parsed options, read so that every error names the command. */
export class CommandOptions {
  constructor(
    readonly command: string,
    readonly values: Options,
  ) {}

  /** A string option, or undefined when it was not given. */
  optional(name: string): string | undefined {
    return optional(this.values, name);
  }

  /** A string option that must be given. */
  required(name: string): string {
    return required(this.values, name, this.command);
  }

  /** A positive number option, or the fallback when it was not given. */
  positive(name: string, fallback: number): number {
    return positiveNumber(this.values, name, this.command, fallback);
  }

  /** A port number option (0 = any free port), or the fallback. */
  port(name: string, fallback: number): number {
    return portOption(this.values, name, this.command, fallback);
  }

  /** Whether a switch was given. */
  switch(name: string): boolean {
    return this.values[name] === true;
  }

  /** The required --project, a Gate project id. */
  project(): number {
    return projectId(this.required('project'), this.command);
  }
}

/**
 * A command from its name, help and options: the arguments are parsed strictly (an unknown
 * option or a stray word is a CliError) before `run` reads them and returns the exit code.
 */
export function defineCommand(
  name: string,
  help: string,
  spec: Spec,
  run: (options: CommandOptions) => Promise<number>,
): Command {
  const command = async (argv: string[]) =>
    run(new CommandOptions(name, parseOptions(name, argv, spec)));
  return Object.assign(command, { help });
}
