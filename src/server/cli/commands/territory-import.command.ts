/**
 * `territory import <file.geojson>`: imports the borough's neighbourhood
 * units (territory.service.ts) and prints what was added, updated, left
 * unchanged or refused and why. Safe to run again: a re-import of the same
 * file changes nothing. Exit code 1 when the file cannot be read or is not
 * a GeoJSON FeatureCollection.
 */
import { readFile } from 'node:fs/promises';
import { openDatabase } from '../../db/database';
import { migrateToLatest } from '../../db/migrations';
import { createRepositories } from '../../repositories/repositories';
import { createTerritoryService, type TerritoryImportReport } from '../../services/territory.service';
import { CliError, type CliCommand } from '../command';

const number = (n: number) => n.toLocaleString('es-MX');

export function formatTerritoryReport(report: TerritoryImportReport): string[] {
  const lines = [
    `Unidades importadas / units imported: ${number(report.units)} (nuevas / added ${report.added}, actualizadas / updated ${report.updated}, sin cambios / unchanged ${report.unchanged})`,
    `Población total / total population: ${number(report.population)}`,
    `Rechazadas / refused: ${report.refused.length}`,
    ...report.refused.map((r) => `  - #${r.index}${r.key ? ` (${r.key})` : ''}: ${r.code}: ${r.message}`),
    `Tiempo / time: ${report.ms} ms`,
  ];
  return lines;
}

export const territoryImportCommand: CliCommand = {
  name: ['territory', 'import'],
  summary: 'Importar unidades territoriales (GeoJSON) / import neighbourhood units (GeoJSON)',
  usage: 'territory import <file.geojson>',
  options: {},
  arguments: ['file.geojson'],

  async run(_values, { config, io, args }) {
    const file = args[0]!;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CliError(
        `No se pudo leer el archivo / cannot read the file ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const collection = json as { type?: unknown; features?: unknown } | null;
    if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
      throw new CliError(
        'El archivo no es una FeatureCollection de GeoJSON / not a GeoJSON FeatureCollection',
      );
    }
    const database = openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const service = createTerritoryService(createRepositories(database));
      const report = await service.importTerritory(json, 'system');
      for (const line of formatTerritoryReport(report)) io.out(line);
      return 0;
    } finally {
      await database.close();
    }
  },
};
