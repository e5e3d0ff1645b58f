import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { createProcess, setDb } from '../../../src/client/data';
import { TequioDb } from '../../../src/client/data/db';
import { SyncIndicator } from '../../../src/client/features/sync-status/sync-indicator';
import { SyncPage } from '../../../src/client/features/sync-status/sync-page';
import type { SyncStatus } from '../../../src/client/sync/sync-engine';

let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`ui-sync-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(db.name);
});

const idle: SyncStatus = {
  online: true,
  phase: 'idle',
  lastSyncAt: null,
  lastError: null,
  clockSkewMs: null,
};

function renderWithRouter(ui: React.ReactNode) {
  render(<MemoryRouter>{ui}</MemoryRouter>);
}

describe('sync indicator', () => {
  it('says offline and how many changes wait, as a status linking to /sync', async () => {
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    renderWithRouter(<SyncIndicator status={{ ...idle, online: false }} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Sin conexión');
    expect(await screen.findByText(/1 pendiente/)).toBeInTheDocument();
    expect(screen.getByRole('link')).toHaveAttribute('href', '/sync');
  });

  it('shows the last successful sync as a relative time', () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    renderWithRouter(<SyncIndicator status={{ ...idle, lastSyncAt: fiveMinutesAgo }} />);
    expect(screen.getByRole('status')).toHaveTextContent('Al día');
    expect(screen.getByRole('status')).toHaveTextContent('hace 5 minutos');
  });

  it('tells apart syncing, errors and an expired session', () => {
    const { rerender } = render(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, phase: 'syncing' }} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Sincronizando…');
    rerender(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, phase: 'error', lastError: 'internal_error' }} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Error al sincronizar');
    rerender(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, phase: 'needs_login', lastError: 'unauthenticated' }} />
      </MemoryRouter>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Inicia sesión de nuevo');
  });
});

describe('sync page', () => {
  it('lists rejected changes with their reason and warns about a wrong clock', async () => {
    await db.rejected.add({
      mutationId: 7,
      entity: 'session',
      recordId: '01890a5d-ac96-774b-bcce-b302099a8057',
      op: 'put',
      code: 'forbidden',
      message: 'outside your scope',
      at: new Date().toISOString(),
    });
    const onSyncNow = vi.fn();
    renderWithRouter(
      <SyncPage
        status={{ ...idle, online: false, lastError: 'network', clockSkewMs: -7 * 60_000 }}
        onSyncNow={onSyncNow}
      />,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Sincronización' })).toBeInTheDocument();
    expect(screen.getByText('Sin conexión')).toBeInTheDocument();
    expect(screen.getByText('Nunca sincronizado')).toBeInTheDocument();
    expect(screen.getByText('No hay conexión con el servidor.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('difiere 7 minutos del servidor');
    expect(
      await screen.findByText(/Sin permiso para este proceso\. — outside your scope/),
    ).toBeInTheDocument();
    expect(screen.getByText('Sesión')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sincronizar ahora' }));
    expect(onSyncNow).toHaveBeenCalledTimes(1);
  });

  it('does not warn about a clock within five minutes', () => {
    renderWithRouter(<SyncPage status={{ ...idle, clockSkewMs: 4 * 60_000 }} onSyncNow={() => undefined} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Ninguno.')).toBeInTheDocument();
  });
});
