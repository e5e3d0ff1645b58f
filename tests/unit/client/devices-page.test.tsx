/** /devices over a stubbed server: list users and devices, revoke with confirmation, and say so plainly offline. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import type { DeviceView, Role } from '../../../src/domain';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';
import { DevicesPage } from '../../../src/client/features/devices/devices-page';

let db: TequioDb;

async function signInAs(role: Role) {
  await db.setMeta('account', {
    token: 'coordinator-token',
    user: { id: 'u-laura', username: 'laura', displayName: 'Laura', role, scope: { kind: 'borough' } },
  });
}

beforeEach(async () => {
  db = new TequioDb(`ui-devices-${crypto.randomUUID()}`);
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

const tablet: DeviceView = {
  id: 'd-tablet',
  userId: 'u-rosa',
  deviceLabel: 'Android · 2026-11-20',
  createdAt: '2026-11-20T15:00:00.000Z',
  lastUsedAt: '2026-11-21T15:00:00.000Z',
  revokedAt: null,
  current: false,
};
const oldPhone: DeviceView = {
  ...tablet,
  id: 'd-phone',
  deviceLabel: 'iOS · 2026-10-01',
  createdAt: '2026-10-01T15:00:00.000Z',
  revokedAt: '2026-10-05T15:00:00.000Z',
};

/** A fake server: who asked what, with which token. */
function stubServer() {
  const calls: string[] = [];
  let revoked = false;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}${url.search}`);
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer coordinator-token');
    if (url.pathname === '/api/v1/users') {
      return json({
        users: [
          { id: 'u-rosa', username: 'rosa', displayName: 'Rosa Martínez', role: 'facilitator' },
          { id: 'u-laura', username: 'laura', displayName: 'Laura', role: 'coordinator' },
        ],
      });
    }
    if (url.pathname === '/api/v1/auth/devices') {
      return json({
        devices: [oldPhone, revoked ? { ...tablet, revokedAt: new Date().toISOString() } : tablet],
      });
    }
    if (url.pathname === '/api/v1/auth/devices/d-tablet/revoke' && method === 'POST') {
      revoked = true;
      return json({ ...tablet, revokedAt: new Date().toISOString() });
    }
    return json({ error: { code: 'not_found', message: 'no' } }, 404);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const renderPage = () =>
  render(
    <MemoryRouter>
      <DevicesPage />
    </MemoryRouter>,
  );

describe('devices page', () => {
  it('lists a user’s devices, newest first, and revokes one after a confirmation', async () => {
    await signInAs('coordinator');
    const calls = stubServer();
    renderPage();
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Persona'), 'Rosa Martínez — Facilitación (rosa)');
    expect(await screen.findByRole('heading', { name: 'Dispositivos de Rosa Martínez' })).toBeInTheDocument();
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => within(li).getByText(/·/, { selector: 'strong' }).textContent)).toEqual([
      'Android · 2026-11-20',
      'iOS · 2026-10-01',
    ]);
    expect(within(items[1]!).getByText('Revocado')).toBeInTheDocument();
    expect(within(items[1]!).queryByRole('button')).not.toBeInTheDocument();
    expect(calls).toContain('GET /api/v1/auth/devices?userId=u-rosa');

    await user.click(within(items[0]!).getByRole('button', { name: /^Revocar Android · 2026-11-20/ }));
    const dialog = screen.getByRole('dialog', { name: '¿Revocar este dispositivo?' });
    expect(dialog).toHaveTextContent('«Android · 2026-11-20» de Rosa Martínez ya no podrá sincronizar.');
    // Cancelling revokes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(calls.some((c) => c.startsWith('POST'))).toBe(false);

    await user.click(within(items[0]!).getByRole('button', { name: /^Revocar/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Sí, revocar' }));
    expect(await screen.findByText('Se revocó «Android · 2026-11-20».')).toBeInTheDocument();
    expect(calls).toContain('POST /api/v1/auth/devices/d-tablet/revoke');
    expect(screen.queryByRole('button', { name: /^Revocar/ })).not.toBeInTheDocument();
    expect(within(screen.getAllByRole('listitem')[0]!).getByText('Revocado')).toBeInTheDocument();
  });

  it('says in Spanish that it needs the network when offline, and retries', async () => {
    await signInAs('coordinator');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Sin conexión: los dispositivos se consultan en el servidor. Conéctate e inténtalo de nuevo.',
    );
    stubServer();
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Reintentar' }));
    expect(await screen.findByLabelText('Persona')).toBeInTheDocument();
  });

  it('is only for coordinators and admins', async () => {
    await signInAs('facilitator');
    const calls = stubServer();
    renderPage();
    expect(
      await screen.findByText('Solo la coordinación puede administrar dispositivos.'),
    ).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
