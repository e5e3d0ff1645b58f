/** The public page's addresses (served by the server; ADR 0008). */

/** `GET /publico/:processId`: the page itself. */
export function publicPageUrl(processId: string, origin: string = window.location.origin): string {
  return `${origin}/publico/${processId}`;
}

/**
 * The short address printed on the poster, for those who type it: `/p/` and the last 8 hex digits
 * of the id (random in a UUIDv7), which the server redirects to the page; without the scheme,
 * which phones add themselves.
 */
export function shortPublicPageUrl(processId: string, host: string = window.location.host): string {
  return `${host}/p/${processId.replace(/-/g, '').slice(-8)}`;
}
