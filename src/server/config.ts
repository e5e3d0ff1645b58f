/**
 * Server configuration, read once from the environment. Defaults give the
 * embedded setup (SQLite under ./data, the built PWA from ./dist) so that
 * `npm start` works with no configuration at all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder for the SQLite file (and later blobs and backups). */
  dataDir: string;
  /** `DATA_DIR/tequio.sqlite`, used when `databaseUrl` is not set. */
  sqliteFile: string;
  /** Photos and audio, one file per SHA-256 (BLOB_DIR, default `DATA_DIR/blobs`). */
  blobDir: string;
  /** Offline map packs, `<sha256>.pmtiles` (MAP_PACK_DIR, default `DATA_DIR/map-packs`; set by loadConfig). */
  mapPackDir?: string;
  /** postgres://… selects PostgreSQL; unset selects SQLite. */
  databaseUrl: string | null;
  /** Built PWA to serve; the API works without it. */
  staticDir: string;
  /** Honour X-Forwarded-For (behind a load balancer) so rate limits see the real client IP. */
  trustProxy: boolean;
  /** Set a new server epoch at start (after restoring a backup). */
  newEpoch: boolean;
  version: string;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT inválido / invalid PORT: ${raw}`);
  return port;
}

function isTruthy(raw: string | undefined): boolean {
  return raw !== undefined && ['1', 'true', 'yes'].includes(raw.toLowerCase());
}

/** The version in package.json, reported by /api/v1/health. */
export function readVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL debe empezar con postgres:// / DATABASE_URL must start with postgres://');
  }
  return {
    port: parsePort(env.PORT),
    host: env.HOST || 'localhost',
    dataDir,
    sqliteFile: path.join(dataDir, 'tequio.sqlite'),
    blobDir: path.resolve(env.BLOB_DIR || path.join(dataDir, 'blobs')),
    mapPackDir: path.resolve(env.MAP_PACK_DIR || path.join(dataDir, 'map-packs')),
    databaseUrl,
    staticDir: path.resolve(env.STATIC_DIR || 'dist'),
    trustProxy: isTruthy(env.TRUST_PROXY),
    newEpoch: isTruthy(env.TEQUIO_NEW_EPOCH),
    version: readVersion(),
  };
}
