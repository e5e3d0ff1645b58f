/** "Novedades" for the header's badge and the page (novedades.repository.ts); no entity schema. */
import { boundCommand, liveRead, liveReadOr } from './device-bindings';
import * as novedades from './novedades.repository';

export type { Novedad, NovedadKind } from './novedades.repository';

/** Unread novedades, live (0 while loading). */
export const useUnreadNovedades = liveReadOr(novedades.countUnread, 0);

/** Newest first, live; undefined while loading. */
export const useNovedades = liveRead(novedades.listNovedades);

export const markNovedadRead = boundCommand(novedades.markRead);
export const markAllNovedadesRead = boundCommand(novedades.markAllRead);
