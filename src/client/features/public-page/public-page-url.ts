/** The public page's address (served by the server, `GET /publico/:processId`; ADR 0007). */
export function publicPageUrl(processId: string, origin: string = window.location.origin): string {
  return `${origin}/publico/${processId}`;
}

/** The address as printed on the poster: without the scheme, which phones add themselves. */
export function shortPublicPageUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
