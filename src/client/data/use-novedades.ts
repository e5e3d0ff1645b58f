/** "Novedades" for the header's badge and the page (novedades.repository.ts); no entity schema. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import * as novedades from './novedades.repository';

export type { Novedad, NovedadKind } from './novedades.repository';

/** Unread novedades, live (0 while loading). */
export function useUnreadNovedades(): number {
  return useLiveQuery(() => novedades.countUnread(getDb()), [], 0);
}

/** Newest first, live; undefined while loading. */
export function useNovedades(): novedades.Novedad[] | undefined {
  return useLiveQuery(() => novedades.listNovedades(getDb()), []);
}

export const markNovedadRead = (id: string) => novedades.markRead(getDb(), id);
export const markAllNovedadesRead = () => novedades.markAllRead(getDb());
