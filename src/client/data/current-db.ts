/** The device database the data API works on (opened on first use; tests may point it elsewhere). */
import { TequioDb } from './db';

let current: TequioDb | null = null;

/** The device database (opened on first use). */
export function getDb(): TequioDb {
  current ??= new TequioDb();
  return current;
}

/** Points the data API at another database (tests, a second simulated device). */
export function setDb(db: TequioDb): void {
  current = db;
}
