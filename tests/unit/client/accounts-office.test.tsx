/** /accounts and /enrolment over a stubbed server: deactivate after confirming, say so offline, show a code with its QR. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import type { Account, EnrolmentView } from '../../../src/domain';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess, getProcess } from '../../../src/client/data/processes.repository';
import { AccountFormPage } from '../../../src/client/features/accounts/account-form-page';
import { AccountsPage } from '../../../src/client/features/accounts/accounts-page';
import { EnrolmentPage } from '../../../src/client/features/enrolment/enrolment-page';

let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`ui-accounts-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
  await db.setMeta('account', {
    token: 'coordinator-token',
    user: {
      id: 'u-laura',
      username: 'laura',
      displayName: 'Laura',
      role: 'coordinator',
      scope: { kind: 'borough' },
    },
  });
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const rosa: Account = {
  id: 'u-rosa',
  username: 'rosa',
  displayName: 'Rosa Martínez',
  role: 'facilitator',
  directorateIds: [],
  active: true,
  mustChangePassword: false,
  createdAt: '2026-11-01T15:00:00.000Z',
  deactivatedAt: null,
};

it('deactivates an account after confirming, and says why nothing loads offline', async () => {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      calls.push(`${init?.method ?? 'GET'} ${url.pathname} ${String(init?.body ?? '')}`);
      if (url.pathname === '/api/v1/accounts') return json({ accounts: [rosa] });
      if (url.pathname === '/api/v1/accounts/u-rosa') {
        return json({ ...rosa, active: false, deactivatedAt: new Date().toISOString() });
      }
      throw new Error(`unexpected ${url.pathname}`);
    }),
  );
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <AccountsPage />
    </MemoryRouter>,
  );
  const card = await screen.findByRole('listitem', { name: 'Rosa Martínez' });
  expect(card).toHaveTextContent('Facilitación');
  await user.click(within(card).getByRole('button', { name: 'Desactivar la cuenta de Rosa Martínez' }));
  const dialog = await screen.findByRole('dialog', { name: '¿Desactivar la cuenta de Rosa Martínez?' });
  expect(calls.filter((c) => c.startsWith('PATCH'))).toEqual([]);
  await user.click(within(dialog).getByRole('button', { name: 'Desactivar' }));
  expect(
    await screen.findByText(
      'La cuenta de Rosa Martínez quedó desactivada y sus dispositivos se desconectaron.',
    ),
  ).toBeInTheDocument();
  expect(calls).toContain('PATCH /api/v1/accounts/u-rosa {"active":false}');
  expect(within(card).getByText('Desactivada')).toBeInTheDocument();
  expect(
    within(card).getByRole('button', { name: 'Reactivar la cuenta de Rosa Martínez' }),
  ).toBeInTheDocument();

  cleanup();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );
  render(
    <MemoryRouter>
      <AccountsPage />
    </MemoryRouter>,
  );
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Sin conexión: las cuentas están en el servidor.',
  );
});

it('makes a code for the person chosen and shows it as text and as a QR code', async () => {
  const enrolment: EnrolmentView = {
    id: 'e1',
    userId: 'u-rosa',
    userDisplayName: 'Rosa Martínez',
    createdBy: 'u-laura',
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    usedAt: null,
    revokedAt: null,
    state: 'active',
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/v1/accounts') return json({ accounts: [rosa] });
      if (url.pathname === '/api/v1/enrolment-codes' && init?.method === 'POST') {
        expect(JSON.parse(String(init.body))).toEqual({ userId: 'u-rosa' });
        return json({ code: 'ABCD-EFGH', enrolment }, 201);
      }
      if (url.pathname === '/api/v1/enrolment-codes') return json({ codes: [] });
      throw new Error(`unexpected ${url.pathname}`);
    }),
  );
  const user = userEvent.setup();
  render(
    <MemoryRouter initialEntries={['/enrolment?user=u-rosa']}>
      <EnrolmentPage />
    </MemoryRouter>,
  );
  expect(await screen.findByRole('combobox', { name: /Persona/ })).toHaveValue('u-rosa');
  expect(screen.getByText('No hay códigos esta semana.')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Generar código' }));
  expect(await screen.findByRole('heading', { name: 'Código para Rosa Martínez' })).toBeInTheDocument();
  expect(screen.getByText('ABCD-EFGH')).toBeInTheDocument();
  expect(screen.getByText('Vence en 10 minutos.')).toBeInTheDocument();
  const qr = await screen.findByRole('img', { name: /Código QR de inscripción para Rosa Martínez/ });
  const svg = decodeURIComponent(qr.getAttribute('src')!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
  expect(svg).toMatch(/^<svg/);
  expect(screen.getByText(/· Vigente/)).toBeInTheDocument();
});

it('puts a field user on a process team from their account, on the device, without asking the server to change the account', async () => {
  const processId = await createProcess(db, {
    name: 'Proceso San Miguel Teotongo',
    unitKeys: ['07-120'],
    stage: 'convening',
    teamUserIds: [],
  });
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      if (url.pathname === '/api/v1/accounts') return json({ accounts: [rosa] });
      throw new Error(`unexpected ${url.pathname}`);
    }),
  );
  const user = userEvent.setup();
  render(
    <MemoryRouter initialEntries={['/accounts/u-rosa/edit']}>
      <Routes>
        <Route path="/accounts/:id/edit" element={<AccountFormPage />} />
        <Route path="/accounts" element={<p>Lista de cuentas</p>} />
      </Routes>
    </MemoryRouter>,
  );
  await user.click(await screen.findByRole('checkbox', { name: 'Proceso San Miguel Teotongo' }));
  await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));
  expect(await screen.findByText('Lista de cuentas')).toBeInTheDocument();
  expect((await getProcess(db, processId))!.teamUserIds).toEqual(['u-rosa']);
  expect(calls).toEqual(['GET /api/v1/accounts']);
});
