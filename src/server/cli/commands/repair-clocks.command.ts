/**
 * `repair-clocks`: re-stamps every stored field whose stamp is further ahead
 * of the server's time than the clock bound allows (ADR 0005) — stamps left
 * by devices with a wrong date, or forged, before the bound existed. Values
 * are kept; only their stamps become present ones, with a new commit
 * sequence, so every device pulls the repaired records and drops its own
 * far-future copies of those stamps. Safe to run again (the second run finds
 * nothing) and while the server runs. The server also runs it when it starts.
 */
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrations';
import { createRepositories } from '../../repositories/repositories';
import { repairFutureStamps } from '../../services/write-path';
import type { CliCommand } from '../command';

export const repairClocksCommand: CliCommand = {
  name: ['repair-clocks'],
  summary: 'Reparar sellos de tiempo en el futuro / re-stamp records stamped too far in the future',
  usage: 'repair-clocks',
  options: {},

  async run(_values, { config, io }) {
    const database = openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const result = await repairFutureStamps(createRepositories(database));
      io.out(`Registros reparados / records repaired: ${result.records} (campos / fields: ${result.fields})`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
