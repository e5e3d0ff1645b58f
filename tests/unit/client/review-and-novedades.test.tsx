/**
 * The review queue over a stubbed server (the reason in words, the values
 * sent against the stored ones, a resolve that sends the corrected value,
 * closed to facilitators) and the Novedades page and badge over the device
 * database (offline, marked read).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import type { ReviewItemDetail, Role } from '../../../src/domain';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';
import { NovedadesBadge } from '../../../src/client/features/novedades/novedades-badge';
import { NovedadesPage } from '../../../src/client/features/novedades/novedades-page';
import { ReviewItemPage } from '../../../src/client/features/review/review-item-page';
import { ReviewPage } from '../../../src/client/features/review/review-page';

let db: TequioDb;

async function signInAs(role: Role) {
  await db.setMeta('account', {
    token: 'token',
    user: { id: 'u-laura', username: 'laura', displayName: 'Laura', role, scope: { kind: 'borough' } },
  });
}

beforeEach(async () => {
  db = new TequioDb(`ui-review-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const ITEM_ID = 'r-0f8e2c1a-7a7b-4c1e-9d7e-1b2c3d4e5f60-3';
const item: ReviewItemDetail = {
  id: ITEM_ID,
  kind: 'rejection',
  code: 'validation_failed',
  message: 'title: Too small',
  userId: 'u-rosa',
  userName: 'Rosa Martínez',
  clientId: '0f8e2c1a-7a7b-4c1e-9d7e-1b2c3d4e5f60',
  mutationId: 3,
  entity: 'session',
  recordId: 's1',
  processId: 'p1',
  recordTitle: 'Asamblea de arranque',
  op: 'put',
  proposed: { title: 'A' },
  fields: [],
  state: 'open',
  createdAt: '2026-12-04T16:00:00.000Z',
  current: { deleted: false, fields: { title: 'Asamblea de arranque' } },
  events: [],
};

function stubServer() {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/v1/review/items') return json({ items: [item] });
      if (url.pathname === `/api/v1/review/items/${ITEM_ID}`) return json(item);
      if (url.pathname === `/api/v1/review/items/${ITEM_ID}/resolve`) {
        const body = JSON.parse(String(init?.body)) as { fields: Record<string, unknown> };
        bodies.push(body);
        return json({
          ...item,
          state: 'resolved',
          current: { deleted: false, fields: body.fields },
          events: [
            { id: 'e1', action: 'resolved', note: '', byName: 'Laura', at: '2026-12-04T17:00:00.000Z' },
          ],
        });
      }
      return json({ error: { code: 'not_found', message: 'no' } }, 404);
    }),
  );
  return bodies;
}

const at = (path: string) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/office/review" element={<ReviewPage />} />
        <Route path="/office/review/:id" element={<ReviewItemPage />} />
        <Route path="/novedades" element={<NovedadesPage />} />
      </Routes>
    </MemoryRouter>,
  );

describe('review queue', () => {
  it('lists a rejected change with who, the device and the reason in Spanish words', async () => {
    await signInAs('coordinator');
    stubServer();
    at('/office/review');
    const card = (await screen.findByRole('heading', { name: 'Sesión: Asamblea de arranque' })).closest(
      'li',
    )!;
    expect(within(card).getByText('Rosa Martínez')).toBeTruthy();
    expect(within(card).getByText(/Datos no válidos: falta un dato obligatorio/)).toBeTruthy();
    expect(within(card).getByText('0f8e2c1a · cambio n.º 3')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Revisar Sesión: Asamblea de arranque' })).toBeTruthy();
  });

  it('shows the value sent beside the stored one and resolves with the corrected value', async () => {
    await signInAs('coordinator');
    const bodies = stubServer();
    at(`/office/review/${ITEM_ID}`);
    const row = (await screen.findByRole('rowheader', { name: 'title' })).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['A', 'Asamblea de arranque']);
    const value = screen.getByLabelText('Valor de title');
    await userEvent.clear(value);
    await userEvent.type(value, 'Asamblea corregida');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar corrección' }));
    expect(await screen.findByText('Se guardó la corrección.')).toBeTruthy();
    expect(bodies).toEqual([{ fields: { title: 'Asamblea corregida' } }]);
    expect(screen.queryByRole('button', { name: 'Guardar corrección' })).toBeNull();
  });

  it('is closed to facilitators', async () => {
    await signInAs('facilitator');
    stubServer();
    at('/office/review');
    expect(await screen.findByText('Solo la coordinación revisa los cambios rechazados.')).toBeTruthy();
  });
});

describe('novedades', () => {
  it('shows the device’s novedades offline, counts unread ones in the badge and marks them read', async () => {
    await signInAs('facilitator');
    await db.novedades.bulkAdd([
      {
        id: 'review:e1',
        kind: 'review_asked',
        at: '2026-12-04T17:00:00.000Z',
        entity: 'session',
        recordId: 's1',
        title: 'Asamblea',
        code: 'edit_of_deleted',
        note: '¿Se repitió la sesión?',
        byName: 'Coordinación D1',
        read: 0,
      },
      {
        id: 'project:p1:progress:h',
        kind: 'project_progress',
        at: '2026-12-04T16:00:00.000Z',
        entity: 'project',
        recordId: 'p1',
        title: 'Mural',
        from: 10,
        to: 50,
        read: 0,
      },
    ]);
    render(
      <MemoryRouter>
        <NovedadesBadge />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: 'Novedades: 2 sin leer' })).toBeTruthy();
    cleanup();
    at('/novedades');
    expect(
      await screen.findByText('La coordinación te pregunta sobre tu cambio en sesión «Asamblea».', {
        exact: false,
      }),
    ).toBeTruthy();
    expect(screen.getByText('¿Se repitió la sesión?')).toBeTruthy();
    expect(screen.getByText('El avance del proyecto «Mural» ahora es 50 %.', { exact: false })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Marcar todas como leídas' }));
    await vi.waitFor(async () => expect(await db.novedades.where('read').equals(0).count()).toBe(0));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: /Marcar como leída/ })).toBeNull());
  });
});
