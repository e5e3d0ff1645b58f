import { describe, expect, it } from 'vitest';
import { type TerritoryImportReport } from '../../../src/domain';
import { ApiError, type ApiClient } from '../../../src/client/net/api-client';
import { ImportFileError, importTerritoryFile, readTerritoryFile } from '../../../src/client/net/import-api';

const collection = { type: 'FeatureCollection', features: [] };
const file = (text: string) => new Blob([text], { type: 'application/geo+json' });
const report: TerritoryImportReport = {
  added: 0,
  updated: 0,
  unchanged: 0,
  refused: [],
  units: 0,
  population: 0,
  ms: 1,
};

describe('territory import (client)', () => {
  it('refuses files that are not GeoJSON FeatureCollections before sending anything', async () => {
    await expect(readTerritoryFile(file('not json'))).rejects.toMatchObject({ problem: 'not_json' });
    await expect(readTerritoryFile(file('{"type":"Feature"}'))).rejects.toBeInstanceOf(ImportFileError);
    await expect(readTerritoryFile(file(JSON.stringify(collection)))).resolves.toEqual(collection);
  });

  it('sends the parsed collection and returns the report; offline is an ApiError', async () => {
    const sent: unknown[] = [];
    const api = {
      importTerritory: (geojson: unknown) => {
        sent.push(geojson);
        return Promise.resolve(report);
      },
    } as unknown as ApiClient;
    await expect(importTerritoryFile(api, file(JSON.stringify(collection)))).resolves.toEqual(report);
    expect(sent).toEqual([collection]);

    const offline = {
      importTerritory: () => Promise.reject(new ApiError(0, 'network', 'offline')),
    } as unknown as ApiClient;
    await expect(importTerritoryFile(offline, file(JSON.stringify(collection)))).rejects.toMatchObject({
      code: 'network',
    });
  });
});
