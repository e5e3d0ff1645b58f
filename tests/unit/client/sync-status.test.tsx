import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { createProcess } from '../../../src/client/data/use-processes';
import { TequioDb } from '../../../src/client/data/db';
import { PROTOCOL_LIMITS } from '../../../src/domain';
import { CLOCK_SKEW_WARNING_MS, formatClockGap } from '../../../src/client/features/sync-status/clock-labels';
import { SyncIndicator } from '../../../src/client/features/sync-status/sync-indicator';
import { ProcessesPage } from '../../../src/client/features/processes/processes-page';
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
    expect(await screen.findByText(/1 cambio por enviar/)).toBeInTheDocument();
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

describe('a long pull of a device that has synced before', () => {
  it('shows the records received of about how many, and about how long is left', async () => {
    render(
      <MemoryRouter>
        <SyncIndicator
          status={{
            ...idle,
            phase: 'syncing',
            lastSyncAt: new Date().toISOString(),
            download: { received: 500, total: 3000, timeLeftMs: 150_000, first: false },
          }}
        />
      </MemoryRouter>,
    );
    const status = screen.getByRole('status');
    expect(
      await within(status).findByText(/500 de ~3,000 registros · faltan ~3 minutos/),
    ).toBeInTheDocument();
    expect(status).not.toHaveTextContent('Nunca sincronizado');
  });
});

describe('a device that never synced', () => {
  it('says so, never "Al día", until its first download completes, and shows its progress', async () => {
    const { rerender } = render(
      <MemoryRouter>
        <SyncIndicator status={idle} />
      </MemoryRouter>,
    );
    const status = screen.getByRole('status');
    expect(await within(status).findByText('Primera descarga pendiente')).toBeInTheDocument();
    expect(status).toHaveTextContent('Nunca sincronizado');
    expect(status).not.toHaveTextContent('Al día');

    rerender(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, phase: 'syncing', download: { received: 1200, total: 4310 } }} />
      </MemoryRouter>,
    );
    expect(status).toHaveTextContent('Primera descarga…');
    expect(status).toHaveTextContent('Nunca sincronizado · 1,200 de ~4,310 registros');

    rerender(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, phase: 'syncing', download: { received: 40, total: null } }} />
      </MemoryRouter>,
    );
    expect(status).toHaveTextContent('40 registros recibidos');

    rerender(
      <MemoryRouter>
        <SyncIndicator
          status={{
            ...idle,
            phase: 'syncing',
            download: { received: 1200, total: 4310, timeLeftMs: 38_000 },
          }}
        />
      </MemoryRouter>,
    );
    expect(status).toHaveTextContent('1,200 de ~4,310 registros · faltan ~40 segundos');

    // The download completed: the engine says when, and only now is it up to date.
    rerender(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, lastSyncAt: new Date().toISOString(), download: null }} />
      </MemoryRouter>,
    );
    expect(status).toHaveTextContent('Al día');
    expect(status).not.toHaveTextContent('Nunca sincronizado');
  });

  it('the processes list shows the download instead of "no processes", and the empty state once synced', async () => {
    const renderList = (status: SyncStatus) =>
      render(
        <MemoryRouter>
          <ProcessesPage syncStatus={status} />
        </MemoryRouter>,
      );
    const first = renderList({ ...idle, phase: 'syncing', download: { received: 3, total: 10 } });
    expect(await screen.findByText('Descargando… 3 de ~10 registros')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Primera descarga…' })).toHaveAttribute('value', '3');
    expect(screen.queryByText('Todavía no hay procesos en este dispositivo.')).not.toBeInTheDocument();
    first.unmount();

    const offline = renderList({ ...idle, online: false });
    expect(await screen.findByText(/todavía no ha descargado nada del servidor/)).toBeInTheDocument();
    expect(screen.queryByText('Todavía no hay procesos en este dispositivo.')).not.toBeInTheDocument();
    offline.unmount();

    await db.setMeta('lastSyncAt', new Date().toISOString());
    renderList(idle);
    expect(await screen.findByText('Todavía no hay procesos en este dispositivo.')).toBeInTheDocument();
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
    expect(screen.getByRole('alert')).toHaveTextContent('atrasadas 7 minutos respecto al servidor');
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

describe('a device whose date is wrong', () => {
  const YEAR = 365 * 24 * 3_600_000;
  const restamped = { count: 2, lastAt: '2026-12-03T10:00:00.000Z' };

  it('the sync page says the date is a year ahead, what to do, and that the server time was used, losing nothing', () => {
    renderWithRouter(
      <SyncPage status={{ ...idle, clockSkewMs: YEAR + 90_000, restamped }} onSyncNow={() => undefined} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'La fecha y hora de este dispositivo están adelantadas 1 año respecto al servidor.',
    );
    expect(alert).toHaveTextContent('Corrígelas en los ajustes del dispositivo');
    const notice = screen.getAllByRole('status').find((el) => el.textContent?.includes('hora del servidor'))!;
    expect(notice).toHaveTextContent(
      '2 cambios de este dispositivo se guardaron con la hora del servidor en lugar de la del dispositivo; no se perdió nada.',
    );
    expect(notice).toHaveTextContent(/Último: .*2026/);
  });

  it('the header indicator shows the wrong date and the re-stamped changes on every page', () => {
    renderWithRouter(<SyncIndicator status={{ ...idle, clockSkewMs: -3 * 24 * 3_600_000, restamped }} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Fecha atrasada 3 días: corrígela');
    expect(status).toHaveTextContent('2 cambios guardados con la hora del servidor');
    expect(screen.getByRole('link')).toHaveAttribute('href', '/sync');
  });

  it('says nothing about the clock when it is right and nothing was re-stamped', () => {
    renderWithRouter(<SyncIndicator status={{ ...idle, clockSkewMs: 60_000, restamped: null }} />);
    expect(screen.getByRole('status')).not.toHaveTextContent(/Fecha|hora del servidor/);
  });

  it('warns from the same threshold as the protocol', () => {
    expect(CLOCK_SKEW_WARNING_MS).toBe(PROTOCOL_LIMITS.clockSkewWarningMs);
  });

  it('words the gap in its largest unit, in either language', () => {
    expect(formatClockGap(YEAR, 'es-MX')).toBe('1 año');
    // Measured over the network, a clock a year ahead reads a little under a year.
    expect(formatClockGap(YEAR - 5_000, 'es-MX')).toBe('1 año');
    expect(formatClockGap(-2 * YEAR, 'en')).toBe('2 years');
    expect(formatClockGap(40 * 24 * 3_600_000, 'es-MX')).toBe('1 mes');
    expect(formatClockGap(3 * 3_600_000, 'en')).toBe('3 hours');
    expect(formatClockGap(7 * 60_000, 'es-MX')).toBe('7 minutos');
  });
});
