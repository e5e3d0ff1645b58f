/**
 * An offline map pack: a vector basemap extract (PMTiles) of an area that the
 * office loads on the server and devices download once and keep. The record
 * is reference data (every device sees the list); the file itself is fetched
 * only when someone chooses to download it, never while drawing a map.
 */
import { z } from 'zod';
import { sha256Schema } from './blob-ref';

export const mapPackSchema = z.object({
  name: z.string().trim().min(2).max(120),
  /** SHA-256 of the PMTiles file (its name on the server). */
  sha256: sha256Schema,
  size: z
    .number()
    .int()
    .min(1)
    .max(2 * 1024 * 1024 * 1024),
  /** [west, south, east, north] from the file's header. */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  minZoom: z.number().int().min(0).max(24),
  maxZoom: z.number().int().min(0).max(24),
  uploadedAt: z.iso.datetime(),
  /** Retired packs stay listed on devices that hold them, but are no longer offered. */
  active: z.boolean(),
});
export type MapPack = z.infer<typeof mapPackSchema>;
