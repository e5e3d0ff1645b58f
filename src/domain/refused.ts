/** A change the domain's rules refuse, with the problems they name (codes); nothing was written. */
export class RefusedError<Problem extends string> extends Error {
  constructor(
    name: string,
    what: string,
    readonly problems: Problem[],
  ) {
    super(`${what} refused: ${problems.join(', ')}`);
    this.name = name;
  }
}
