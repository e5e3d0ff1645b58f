/**
 * `backup <file>`: a consistent, portable copy of the whole server — every
 * table and, unless `--skip-blobs`, every photo and audio file — as gzip
 * JSON lines (services/backup-format.ts). Safe while the server runs: it
 * reads one snapshot and writes nothing to the database. The file appears
 * under its name only once complete and flushed to disk.
 */
import { openDatabase } from '../../db/database';
import { createBackupService } from '../../services/backup.service';
import { type CliCommand } from '../command';

export function formatCounts(rows: Record<string, number>): string {
  return Object.entries(rows)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');
}

export const backupCommand: CliCommand = {
  name: ['backup'],
  summary: 'Respaldar la base de datos y los archivos / back up the database and the files',
  usage: 'backup <file.jsonl.gz> [--skip-blobs]',
  arguments: ['file'],
  options: { 'skip-blobs': { type: 'boolean' } },

  async run(values, { config, io, args }) {
    const database = openDatabase(config);
    try {
      const summary = await createBackupService(database).backup(args[0]!, {
        blobDir: values['skip-blobs'] === true ? null : config.blobDir,
      });
      io.out(`Respaldo escrito / backup written: ${summary.file} (${summary.bytes} bytes)`);
      io.out(`  ${database.storage}; ${formatCounts(summary.rows)}; blobs ${summary.blobs}`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
