/**
 * `restore <file>`: replaces the whole database with a backup (from SQLite
 * or PostgreSQL alike) in one transaction and gives it a NEW sync epoch, so
 * every device re-sends what it holds and nothing recorded after the backup
 * is lost. Stop the server first. Unless `--skip-safety-backup`, the
 * current contents are first saved to DATA_DIR/backups/, so a restore of
 * the wrong file can itself be undone.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrations';
import { createTablesRepository } from '../../repositories/tables.repository';
import { createBackupService, RestoreError } from '../../services/backup.service';
import { CliError, type CliCommand } from '../command';
import { formatCounts } from './backup.command';

export const restoreCommand: CliCommand = {
  name: ['restore'],
  summary:
    'Restaurar un respaldo (nueva época de sincronización) / restore a backup (new sync epoch); stop the server first',
  usage: 'restore <file.jsonl.gz> [--revoke-devices] [--skip-safety-backup]',
  arguments: ['file'],
  options: { 'revoke-devices': { type: 'boolean' }, 'skip-safety-backup': { type: 'boolean' } },

  async run(values, { config, io, args }) {
    const file = path.resolve(args[0]!);
    if (!existsSync(file)) throw new CliError(`No existe el archivo / no such file: ${file}`);
    const database = openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const service = createBackupService(database);
      const tables = createTablesRepository(database.db, database.storage);
      const hasData = (await tables.count('users')) > 0 || (await tables.count('records')) > 0;
      if (hasData && values['skip-safety-backup'] !== true) {
        const dir = path.join(config.dataDir, 'backups');
        mkdirSync(dir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        // Blobs are only ever added by a restore, so the safety copy needs the tables alone.
        const safety = await service.backup(path.join(dir, `pre-restore-${stamp}.jsonl.gz`), {
          blobDir: null,
        });
        io.out(`Copia de seguridad previa / safety backup of the current data: ${safety.file}`);
      }
      const summary = await service.restore(file, {
        blobDir: config.blobDir,
        revokeDevices: values['revoke-devices'] === true,
      });
      io.out(
        `Respaldo restaurado / backup restored: made ${summary.backupCreatedAt} on ${summary.backupStorage}`,
      );
      io.out(`  ${formatCounts(summary.rows)}; blobs ${summary.blobs}`);
      if (summary.revokedDevices > 0)
        io.out(`  Dispositivos desconectados / devices signed out: ${summary.revokedDevices}`);
      io.out(
        `Nueva época / new sync epoch: ${summary.epoch} — devices will re-send what they hold when they next sync`,
      );
      return 0;
    } catch (error) {
      if (error instanceof RestoreError || (error instanceof Error && error.name === 'BackupFormatError')) {
        throw new CliError(`${error.message}. Nada cambió / nothing was changed.`);
      }
      throw error;
    } finally {
      await database.close();
    }
  },
};
