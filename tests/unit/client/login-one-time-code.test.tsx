/** Signing in with the one-time code of a reset: the page asks for a new password, checks it in Spanish, then signs in. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';
import { LoginPage } from '../../../src/client/features/auth/login-page';

let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`ui-login-code-${crypto.randomUUID()}`);
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

it('asks for a new password after a one-time code, refuses a common one in Spanish, then signs in', async () => {
  const logins: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/v1/setup') return json({ needsSetup: false });
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      logins.push(body);
      if (!body.newPassword) {
        return json(
          { error: { code: 'password_change_required', message: 'Elige una contraseña nueva' } },
          409,
        );
      }
      return json({
        token: 't'.repeat(43),
        user: {
          id: 'u1',
          username: 'rosa',
          displayName: 'Rosa',
          role: 'facilitator',
          scope: { kind: 'processes' },
        },
      });
    }),
  );
  const user = userEvent.setup();
  render(
    <MemoryRouter initialEntries={['/login']}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<p>Inicio</p>} />
      </Routes>
    </MemoryRouter>,
  );
  await user.type(await screen.findByLabelText(/^Usuario/), 'rosa');
  await user.type(screen.getByLabelText(/^Contraseña/), 'ABCD-EFGH-JKMN');
  await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }));

  expect(await screen.findByRole('heading', { name: 'Elige tu contraseña nueva' })).toBeInTheDocument();
  expect(screen.getByRole('alert')).toHaveTextContent('Entraste con un código de un solo uso');
  await user.type(screen.getByLabelText(/^Contraseña nueva/), 'Iztapalapa2024');
  await user.type(screen.getByLabelText(/^Repite la contraseña nueva/), 'Iztapalapa2024');
  await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
  expect(await screen.findByText(/Esa contraseña está entre las más usadas/)).toBeInTheDocument();
  expect(logins).toHaveLength(1);

  await user.clear(screen.getByLabelText(/^Contraseña nueva/));
  await user.type(screen.getByLabelText(/^Contraseña nueva/), 'la milpa crece en mayo');
  await user.clear(screen.getByLabelText(/^Repite la contraseña nueva/));
  await user.type(screen.getByLabelText(/^Repite la contraseña nueva/), 'la milpa crece en mayo');
  await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
  expect(await screen.findByText('Inicio')).toBeInTheDocument();
  expect(logins[1]).toMatchObject({
    username: 'rosa',
    password: 'ABCD-EFGH-JKMN',
    newPassword: 'la milpa crece en mayo',
  });
  expect((await db.getMeta('account'))?.user.username).toBe('rosa');
});
