/**
 * Administration CLI: `npm run cli -- <command> [options]`. Honours the
 * server's configuration (DATA_DIR, DATABASE_URL) and migrates the database
 * before touching it, so it works on a fresh install and on a live one
 * (SQLite's busy timeout lets it share the file with a running server).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { CliError, type CliCommand, type CliIo } from './command';
import { backupCommand } from './commands/backup.command';
import { repairClocksCommand } from './commands/repair-clocks.command';
import { restoreCommand } from './commands/restore.command';
import { territoryImportCommand } from './commands/territory-import.command';
import { userAddCommand } from './commands/user-add.command';

const commands: CliCommand[] = [
  userAddCommand,
  backupCommand,
  restoreCommand,
  territoryImportCommand,
  repairClocksCommand,
];

function help(): string {
  return [
    'Uso / usage: npm run cli -- <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

function findCommand(argv: string[]): CliCommand | undefined {
  return commands.find((c) => c.name.every((word, i) => argv[i] === word));
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const command = findCommand(argv);
  if (!command) {
    io.err(`Comando desconocido / unknown command: ${argv.join(' ')}\n\n${help()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: argv.slice(command.name.length),
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    const expected = command.arguments ?? [];
    if (positionals.length > expected.length)
      throw new CliError(`Argumento inesperado / unexpected argument: ${positionals[expected.length]}`, 2);
    if (positionals.length < expected.length)
      throw new CliError(`Falta / missing: <${expected[positionals.length]}>`, 2);
    return await command.run(values, { config: loadConfig(), io, args: positionals });
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Error: ${error.message}`);
      if (error.exitCode === 2) io.err(`Uso / usage: npm run cli -- ${command.usage}`);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`Error: ${error.message}\nUso / usage: npm run cli -- ${command.usage}`);
      return 2;
    }
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const io: CliIo = {
  readStdin,
  stdinIsTty: Boolean(process.stdin.isTTY),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

runCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
