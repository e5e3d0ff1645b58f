/** The test basemap generator writes archives the real PMTiles reader opens, with MVT tiles inside. */
import { PMTiles, TileType, bytesToHeader, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { IZTAPALAPA_BOUNDS, makeIztapalapaPack } from '../../support/make-pmtiles';

function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({
      data: bytes.slice(offset, offset + length).buffer,
    }),
  };
}

describe('makeIztapalapaPack', () => {
  const bytes = makeIztapalapaPack();

  it('has a PMTiles v3 header with the zooms and bounds of the area', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe('PMTiles');
    const header = bytesToHeader(bytes.slice(0, 127).buffer);
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([10, 14]);
    expect(header.minLon).toBeCloseTo(IZTAPALAPA_BOUNDS[0], 5);
    expect(header.maxLat).toBeCloseTo(IZTAPALAPA_BOUNDS[3], 5);
    expect(header.numAddressedTiles).toBeGreaterThan(20);
    expect(bytes.length).toBeLessThan(1024 * 1024);
  });

  it('is read by the pmtiles library: tiles over the lake at every zoom, none outside', async () => {
    const archive = new PMTiles(memorySource(bytes));
    const lon = -99.06;
    const lat = 19.36;
    for (let z = 10; z <= 14; z++) {
      const x = Math.floor(((lon + 180) / 360) * 2 ** z);
      const rad = (lat * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
      const tile = await archive.getZxy(z, x, y);
      expect(tile, `tile ${z}/${x}/${y}`).toBeDefined();
      const text = new TextDecoder('latin1').decode(new Uint8Array(tile!.data));
      // MVT layers carry their names as plain strings.
      expect(text).toContain('earth');
      expect(text).toContain('roads');
    }
    expect(await archive.getZxy(14, 0, 0)).toBeUndefined();
    expect(await archive.getZxy(9, 115, 228)).toBeUndefined();
  });
});
