/**
 * The public page of a published process and its chosen photos (ADR 0008;
 * docs/authorization.md, "The public page"): the one read path that needs no
 * account. Each request reads the process's records afresh through the
 * repositories, so unpublishing takes the page and its photos away at once;
 * what may be shown is decided by `publicPageModel` alone, and the photo
 * route serves a blob only when that page shows it.
 */
import { createHash } from 'node:crypto';
import { SHA256_HEX } from '../../domain';
import type { BlobStore } from '../repositories/blob-store';
import type { BlobsRepository } from '../repositories/blobs.repository';
import type { RecordsRepository } from '../repositories/records.repository';
import { isPubliclyReadable } from './authorization';
import { NotFound } from './errors';
import { PUBLIC_PAGE_ENTITIES, publicPageModel, showsPhoto, type PublicPageModel } from './public-page-model';
import { renderPublicPage } from './public-page-render';

export interface PublicPageDeps {
  records: Pick<RecordsRepository, 'listOfProcess' | 'listOfEntity' | 'processesEndingWith'>;
  blobs: Pick<BlobsRepository, 'get'>;
  store: Pick<BlobStore, 'size' | 'read'>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHORT_CODE = /^[0-9a-f]{8}$/;
const notPublished = () => new NotFound('This page is not published');

export function createPublicPageService({ records, blobs, store }: PublicPageDeps) {
  async function model(processId: string): Promise<PublicPageModel> {
    if (!UUID.test(processId)) throw notPublished();
    const [own, statuses] = await Promise.all([
      records.listOfProcess(processId, PUBLIC_PAGE_ENTITIES),
      records.listOfEntity('projectStatus'),
    ]);
    const found = publicPageModel({ processId, records: own, statuses });
    if (!found) throw notPublished();
    return found;
  }

  /** The page's HTML and its validator (a hash of the bytes); NotFound unless published. */
  async function page(processId: string): Promise<{ html: string; etag: string }> {
    const html = renderPublicPage(await model(processId));
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
    return { html, etag };
  }

  /** A photo the published page shows; NotFound for any other blob. */
  async function photo(processId: string, rawName: string) {
    const sha256 = rawName.toLowerCase();
    if (!SHA256_HEX.test(sha256)) throw notPublished();
    const shown = showsPhoto(await model(processId), sha256);
    const row = shown ? await blobs.get(sha256) : undefined;
    if (!row || (await store.size(sha256)) === null) throw new NotFound('No such photo on this page');
    return { sha256, mime: row.mime, size: row.size, open: () => store.read(sha256) };
  }

  /**
   * The published process a short address names (`/p/<code>`: the last 8 hex digits of its id,
   * which are random in a UUIDv7); NotFound unless exactly one published process ends so.
   */
  async function resolveShort(code: string): Promise<string> {
    const suffix = code.toLowerCase();
    if (!SHORT_CODE.test(suffix)) throw notPublished();
    const published = (await records.processesEndingWith(suffix)).filter(isPubliclyReadable);
    if (published.length !== 1) throw notPublished();
    return published[0]!.id;
  }

  return { page, photo, resolveShort };
}

export type PublicPageService = ReturnType<typeof createPublicPageService>;
