/**
 * Server entry point: config → database (migrated) → HTTP. On a database
 * with no users it prints a one-time setup code for creating the first
 * admin from the browser. `--new-epoch` (or TEQUIO_NEW_EPOCH=1) gives the
 * database a new sync epoch: use it when starting on a restored backup so
 * every device re-sends what it holds instead of trusting stale counters.
 */
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrations';
import { withStartupLock } from './db/startup-lock';

async function main() {
  const { values } = parseArgs({
    options: { 'new-epoch': { type: 'boolean', default: false } },
    strict: true,
  });
  const config = loadConfig();
  const database = openDatabase(config);
  // Several instances may start at once: one at a time migrates and prepares (db/startup-lock.ts).
  const app = await withStartupLock(database, async () => {
    await migrateToLatest(database.db);
    const built = await buildApp({
      db: database,
      config,
      logger: {
        level: process.env.LOG_LEVEL || 'info',
        // Belt and braces: request logs carry no headers, but never let one through by accident.
        redact: ['req.headers.authorization', 'headers.authorization', 'password', 'token', 'username'],
      },
    });
    const rubrics = await built.services.ensureDefaultRubrics();
    if (rubrics > 0) built.log.info({ rubrics }, 'default rubric templates added');
    const governmentAreas = await built.services.ensureDefaultGovernmentAreas();
    if (governmentAreas > 0) built.log.info({ governmentAreas }, 'default government areas added');
    const projectStatuses = await built.services.ensureDefaultProjectStatuses();
    if (projectStatuses > 0) built.log.info({ projectStatuses }, 'default project statuses added');
    const repaired = await built.services.repairClocks();
    if (repaired.records > 0) built.log.warn(repaired, 'records stamped in the future re-stamped');
    if (values['new-epoch'] || config.newEpoch) {
      const epoch = await built.services.sync.rotateEpoch();
      built.log.info({ epoch }, 'new sync epoch set: devices will re-send their data');
    }
    return built;
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { storage: database.storage, port: config.port, host: config.host },
    'tequio server listening',
  );

  const code = app.services.setup.currentCode();
  if (code) {
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(
      `Código de configuración inicial / setup code: ${code} — open http://${host}:${config.port}/`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(
    'No se pudo iniciar el servidor / the server could not start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
