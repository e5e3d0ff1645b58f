/** The revoked-session banner, and the coordinators' import of a device's unsynced-changes file on /sync. */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import type { Role } from '../../../src/domain';
import { setDb } from '../../../src/client/data/current-db';
import { useAccount } from '../../../src/client/data/use-account';
import { TequioDb } from '../../../src/client/data/db';
import { SessionExpiredBanner } from '../../../src/client/features/sync-status/session-expired-banner';
import { ImportSection } from '../../../src/client/features/sync-status/import-section';

let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`ui-revoked-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

/** Says when the device database has answered the account the import section reads. */
function AccountRead() {
  const account = useAccount();
  return account ? <p>Cuenta leída: {account.user.role}</p> : null;
}

function LoginProbe() {
  const location = useLocation();
  return <p>login page, back to {(location.state as { from: string }).from}</p>;
}

describe('revoked session banner', () => {
  const renderBanner = (phase: 'idle' | 'needs_login', unsaved: boolean) =>
    render(
      <MemoryRouter initialEntries={['/processes/p-1']}>
        <Routes>
          <Route
            path="/processes/:id"
            element={<SessionExpiredBanner phase={phase} unsaved={unsaved} returnTo="/processes/p-1" />}
          />
          <Route path="/login" element={<LoginProbe />} />
        </Routes>
      </MemoryRouter>,
    );

  it('asks to sign in again and leads to /login, then back where the user was', async () => {
    renderBanner('needs_login', false);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Tu sesión ya no es válida en este dispositivo: inicia sesión de nuevo');
    expect(alert).toHaveTextContent('Tus cambios siguen guardados aquí');
    await userEvent.setup().click(within(alert).getByRole('link', { name: 'Iniciar sesión de nuevo' }));
    expect(screen.getByText('login page, back to /processes/p-1')).toBeInTheDocument();
  });

  it('never takes the user away from a form with unsaved input', () => {
    renderBanner('needs_login', true);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Guarda primero lo que estás capturando');
    expect(within(alert).queryByRole('link')).not.toBeInTheDocument();
  });

  it('stays hidden while the session is valid', () => {
    renderBanner('idle', false);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('import of an unsynced-changes file', () => {
  async function signInAs(role: Role) {
    await db.setMeta('account', {
      token: 'coordinator-token',
      user: { id: 'u-1', username: 'laura', displayName: 'Laura', role, scope: { kind: 'borough' } },
    });
  }
  const renderSection = () =>
    render(
      <MemoryRouter>
        <ImportSection />
      </MemoryRouter>,
    );
  const validFile = {
    format: 'tequio-unsynced',
    version: 1,
    exportedAt: '2026-11-21T10:00:00.000Z',
    clientId: 'c-1',
    user: null,
    mutations: [],
    records: { session: [] },
  };
  const asFile = (content: string) =>
    new File([content], 'tequio-pendientes-2026-11-21.json', { type: 'application/json' });

  it('sends the file and shows what the server applied and rejected', async () => {
    await signInAs('coordinator');
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            applied: 3,
            unchanged: 1,
            blobs: {
              stored: 2,
              existing: 0,
              rejected: [{ sha256: 'f'.repeat(64), code: 'hash_mismatch', message: 'bad' }],
            },
            rejected: [
              {
                entity: 'session',
                id: '01890a5d-ac96-774b-bcce-b302099a8057',
                code: 'validation_failed',
                message: 'date: required',
              },
            ],
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    renderSection();
    const user = userEvent.setup();
    await user.upload(
      await screen.findByLabelText('Archivo de cambios sin sincronizar'),
      asFile(JSON.stringify(validFile)),
    );
    await user.click(screen.getByRole('button', { name: 'Importar archivo' }));
    expect(
      await screen.findByText('Aplicados: 3 · Ya estaban al día: 1 · Rechazados: 1.', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Los datos no son válidos\. — date: required/)).toBeInTheDocument();
    expect(
      screen.getByText('Fotos y audios: 2 guardados · 0 ya estaban en el servidor · 1 rechazados.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Archivo ffffffffffff…: /)).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/sync/import');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual(validFile);
  });

  it('refuses a file that is not ours before sending anything, and explains offline', async () => {
    await signInAs('admin');
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    renderSection();
    const user = userEvent.setup();
    const input = await screen.findByLabelText('Archivo de cambios sin sincronizar');
    await user.click(screen.getByRole('button', { name: 'Importar archivo' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Elige primero el archivo.');

    await user.upload(input, asFile('{"format":"otro"}'));
    await user.click(screen.getByRole('button', { name: 'Importar archivo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'El archivo no es un archivo de cambios sin sincronizar de Tequio.',
    );
    expect(fetch).not.toHaveBeenCalled();

    await user.upload(input, asFile(JSON.stringify(validFile)));
    await user.click(screen.getByRole('button', { name: 'Importar archivo' }));
    expect(
      await screen.findByText('Sin conexión: importar necesita conexión con el servidor.'),
    ).toBeInTheDocument();
  });

  it('is not offered to facilitators', async () => {
    await signInAs('facilitator');
    renderSection();
    // Hidden once the account has loaded from the device database, not merely before it has.
    render(<AccountRead />);
    expect(await screen.findByText('Cuenta leída: facilitator')).toBeInTheDocument();
    expect(screen.queryByText('Importar cambios de un dispositivo')).not.toBeInTheDocument();
  });
});
