/**
 * What a CLI command is: a name of one or more words ("user add"), its
 * options for node's util.parseArgs and a run function. New commands
 * (territory import, backup, restore) are one file each, listed in cli.ts.
 */
import type { ParseArgsConfig } from 'node:util';
import type { ServerConfig } from '../config';

export interface CliIo {
  /** The whole of stdin as text. */
  readStdin(): Promise<string>;
  stdinIsTty: boolean;
  out(line: string): void;
  err(line: string): void;
}

export interface CliContext {
  config: ServerConfig;
  io: CliIo;
  /** The command's positional arguments, one per name in `CliCommand.arguments`. */
  args: string[];
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliCommand {
  /** Words that select the command, e.g. ['user', 'add']. */
  name: string[];
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Names of required positional arguments, e.g. ['file']; none by default. */
  arguments?: string[];
  /** Returns the process exit code. */
  run(values: OptionValues, context: CliContext): Promise<number>;
}

/** An error whose message is already meant for the person at the terminal. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
