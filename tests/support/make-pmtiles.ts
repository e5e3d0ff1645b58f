/**
 * Builds a small, valid PMTiles v3 archive in memory from GeoJSON layers:
 * geojson-vt cuts the features into tiles, vt-pbf encodes each tile as MVT,
 * and the header and root directory are written here (varint entries, tile
 * ids on the Hilbert curve, no compression anywhere). Enough for tests to
 * have a real vector basemap of Iztapalapa without downloading one.
 */
import { createRequire } from 'node:module';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT, { type LegacyTile } from 'geojson-vt';
import { zxyToTileId } from 'pmtiles';

const require = createRequire(import.meta.url);
const vtpbf = require('vt-pbf') as {
  fromGeojsonVt(
    layers: Record<string, LegacyTile>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
};

export interface MakePmtilesOptions {
  /** Layer name → features (Protomaps schema names: earth, landuse, water, roads, buildings). */
  layers: Record<string, FeatureCollection>;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north]: the area tiled (and written to the header). */
  bounds: [number, number, number, number];
}

function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function latToTileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

function writeVarint(out: number[], value: number) {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
}

/** The directory format of the spec: counts, then ids (delta), run lengths, lengths and offsets as columns. */
function serializeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (let i = 0; i < entries.length; i++) writeVarint(out, 1);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** A PMTiles v3 archive (MVT tiles, uncompressed) of the given layers. */
export function makePmtiles({
  layers,
  minZoom,
  maxZoom,
  bounds,
}: MakePmtilesOptions): Uint8Array<ArrayBuffer> {
  const indexes = Object.entries(layers).map(
    ([name, data]) => [name, new GeoJSONVT(data, { maxZoom, indexMaxZoom: maxZoom, buffer: 64 })] as const,
  );
  const [west, south, east, north] = bounds;
  const tiles: { tileId: number; bytes: Uint8Array }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    for (let x = lonToTileX(west, z); x <= lonToTileX(east, z); x++) {
      for (let y = latToTileY(north, z); y <= latToTileY(south, z); y++) {
        const tileLayers: Record<string, LegacyTile> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) tileLayers[name] = tile;
        }
        if (Object.keys(tileLayers).length === 0) continue;
        tiles.push({ tileId: zxyToTileId(z, x, y), bytes: vtpbf.fromGeojsonVt(tileLayers, { version: 2 }) });
      }
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of tiles) {
    entries.push({ tileId: t.tileId, offset, length: t.bytes.length });
    offset += t.bytes.length;
  }
  const directory = serializeDirectory(entries);
  const metadata = new TextEncoder().encode(
    JSON.stringify({
      name: 'test pack',
      vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })),
    }),
  );

  const HEADER = 127;
  const dirOffset = HEADER;
  const metaOffset = dirOffset + directory.length;
  const dataOffset = metaOffset + metadata.length;
  const total = dataOffset + offset;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  out[7] = 3;
  const u64 = (at: number, value: number) => view.setBigUint64(at, BigInt(value), true);
  u64(8, dirOffset);
  u64(16, directory.length);
  u64(24, metaOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, offset);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  out[96] = 1; // clustered
  out[97] = 1; // internal compression: none
  out[98] = 1; // tile compression: none
  out[99] = 1; // tile type: MVT
  out[100] = minZoom;
  out[101] = maxZoom;
  const e7 = (at: number, deg: number) => view.setInt32(at, Math.round(deg * 1e7), true);
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  out[118] = minZoom;
  e7(119, (west + east) / 2);
  e7(123, (south + north) / 2);
  out.set(directory, dirOffset);
  out.set(metadata, metaOffset);
  let at = dataOffset;
  for (const t of tiles) {
    out.set(t.bytes, at);
    at += t.bytes.length;
  }
  return out;
}

/** Iztapalapa, roughly: the borough's bounding box. */
export const IZTAPALAPA_BOUNDS: [number, number, number, number] = [-99.14, 19.27, -98.94, 19.42];

/**
 * A small basemap of Iztapalapa: land under the whole borough, a grid of
 * streets every ~1 km, a lake near lon −99.06, lat 19.36 and a park. Zooms 10–14.
 */
export function makeIztapalapaPack(): Uint8Array<ArrayBuffer> {
  const [west, south, east, north] = IZTAPALAPA_BOUNDS;
  const ring = (w: number, s: number, e: number, n: number) => [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
  const roads: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (let lon = west + 0.01; lon < east; lon += 0.01) {
    roads.features.push({
      type: 'Feature',
      properties: { kind: 'minor_road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [lon, south],
          [lon, north],
        ],
      },
    });
  }
  for (let lat = south + 0.01; lat < north; lat += 0.01) {
    roads.features.push({
      type: 'Feature',
      properties: { kind: 'major_road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [west, lat],
          [east, lat],
        ],
      },
    });
  }
  return makePmtiles({
    minZoom: 10,
    maxZoom: 14,
    bounds: IZTAPALAPA_BOUNDS,
    layers: {
      earth: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'earth' },
            geometry: { type: 'Polygon', coordinates: ring(west, south, east, north) },
          },
        ],
      },
      landuse: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'park' },
            geometry: { type: 'Polygon', coordinates: ring(-99.1, 19.3, -99.08, 19.32) },
          },
        ],
      },
      water: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'lake' },
            geometry: { type: 'Polygon', coordinates: ring(-99.065, 19.355, -99.055, 19.365) },
          },
        ],
      },
      roads,
    },
  });
}
