/** Each test gets its own device database (fake-indexeddb) with a facilitator signed in, removed afterwards. */
import { cleanup } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';

export function onFreshSignedInDevice(prefix: string, use: (db: TequioDb) => void): void {
  let db: TequioDb;
  beforeEach(async () => {
    db = new TequioDb(`${prefix}-${crypto.randomUUID()}`);
    setDb(db);
    await db.open();
    await db.setMeta('account', {
      token: 'token',
      user: {
        id: 'user-1',
        username: 'ana',
        displayName: 'Ana López',
        role: 'facilitator',
        scope: { kind: 'processes' },
      },
    });
    use(db);
  });
  afterEach(async () => {
    cleanup();
    db.close();
    await Dexie.delete(db.name);
  });
}
