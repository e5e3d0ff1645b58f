/**
 * `user add`: creates an account from the command line (the first admin on
 * a server without browser access, or any account later). The password is
 * read from stdin so it never appears in the process list or shell history.
 */
import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '../../../domain';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrations';
import { Conflict } from '../../services/errors';
import { createUsersRepository } from '../../repositories/users.repository';
import { createUserRequestSchema, createUsersService } from '../../services/users.service';
import { CliError, type CliCommand } from '../command';

const MESSAGES: Record<string, string> = {
  username:
    'Nombre de usuario inválido (3–64: letras, dígitos, . _ @ -) / invalid username (3–64: letters, digits, . _ @ -)',
  password: `La contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres / the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  displayName: 'Nombre para mostrar inválido (1–200) / invalid display name (1–200)',
  directorateIds:
    'Las direcciones van como ids UUID, y no para un administrador / directorates are given as UUIDs, and not for an admin',
  role: `Rol inválido; usa uno de / invalid role; use one of: ${ROLES.join(', ')}`,
};

/** Stdin minus the one line break that `echo` or a here-string adds. */
function passwordFrom(stdin: string): string {
  return stdin.replace(/\r?\n$/, '');
}

export const userAddCommand: CliCommand = {
  name: ['user', 'add'],
  summary: 'Crear un usuario / create a user',
  usage:
    'user add --username <name> --role <admin|coordinator|facilitator|promoter> --password-stdin [--display-name "…"] [--directorate <id>]…',
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    'display-name': { type: 'string' },
    'password-stdin': { type: 'boolean' },
    directorate: { type: 'string', multiple: true },
  },

  async run(values, { config, io }) {
    const username = values.username;
    const role = values.role;
    if (typeof username !== 'string' || username.trim() === '') {
      throw new CliError('Falta --username / --username is required', 2);
    }
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
      throw new CliError(MESSAGES.role!, 2);
    if (values['password-stdin'] !== true) {
      throw new CliError(
        'Pasa la contraseña por stdin con --password-stdin / pass the password on stdin with --password-stdin',
        2,
      );
    }
    if (io.stdinIsTty) io.err('Contraseña, luego Ctrl-D / password, then Ctrl-D:');
    const password = passwordFrom(await io.readStdin());
    const displayName = typeof values['display-name'] === 'string' ? values['display-name'] : username;

    const directorates = Array.isArray(values.directorate) ? values.directorate.map(String) : [];
    const parsed = createUserRequestSchema.safeParse({
      username,
      displayName,
      role: role as Role,
      password,
      ...(directorates.length > 0 ? { directorateIds: directorates } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      // A password refused for another reason than its length says why, in Spanish (domain/accounts.ts).
      const message =
        field === 'password' && issue?.code === 'custom' && password.length >= MIN_PASSWORD_LENGTH
          ? issue.message
          : MESSAGES[field];
      throw new CliError(message ?? issue?.message ?? 'Datos inválidos / invalid input');
    }

    const database = openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const service = createUsersService({ users: createUsersRepository(database.db) });
      const user = await service.createUser(parsed.data, 'system');
      io.out(user.id);
      return 0;
    } catch (error) {
      if (error instanceof Conflict && error.code === 'username_taken') {
        throw new CliError(`El usuario ya existe / username already exists: ${parsed.data.username}`);
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
