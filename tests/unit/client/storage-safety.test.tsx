/** Storage safety on screen: use, persistence and age on /sync, the risk alert, the header badge, and the export file. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { createProcess } from '../../../src/client/data/use-processes';
import { TequioDb } from '../../../src/client/data/db';
import { SyncIndicator } from '../../../src/client/features/sync-status/sync-indicator';
import { SyncPage } from '../../../src/client/features/sync-status/sync-page';
import type { SyncStatus } from '../../../src/client/sync/sync-engine';

let db: TequioDb;

const idle: SyncStatus = {
  online: true,
  phase: 'idle',
  lastSyncAt: null,
  lastError: null,
  clockSkewMs: null,
};

function fakeStorage(options: { persisted: boolean; usage: number; quota: number }) {
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persisted: async () => options.persisted,
      persist: async () => options.persisted,
      estimate: async () => ({ usage: options.usage, quota: options.quota }),
    },
  });
}

beforeEach(async () => {
  db = new TequioDb(`ui-storage-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
  await db.setMeta('account', {
    token: 'device-token-never-exported',
    user: {
      id: 'u-1',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'facilitator',
      scope: { kind: 'processes' },
    },
  });
});

afterEach(async () => {
  cleanup();
  Reflect.deleteProperty(navigator, 'storage');
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

const renderPage = () =>
  render(
    <MemoryRouter>
      <SyncPage status={idle} onSyncNow={() => undefined} />
    </MemoryRouter>,
  );

/** Makes the oldest outbox entry `hours` old. */
async function ageOutbox(hours: number) {
  const first = (await db.outbox.orderBy('id').first())!;
  await db.outbox.update(first.id, { createdAt: new Date(Date.now() - hours * 3_600_000).toISOString() });
}

describe('storage on the sync page', () => {
  it('shows use in the locale, persistence and the age of the oldest unsynced change, with no alarm when safe', async () => {
    fakeStorage({ persisted: true, usage: 12_345_678, quota: 2_000_000_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    await ageOutbox(3);
    renderPage();
    expect(await screen.findByText('12.3 MB de 2 GB (0.6%)')).toBeInTheDocument();
    expect(await screen.findByText('hace 3 horas')).toBeInTheDocument();
    expect(screen.getByText('Persistente')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('notes old changes on protected storage without an alarm', async () => {
    fakeStorage({ persisted: true, usage: 1_000, quota: 2_000_000_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    await ageOutbox(30);
    renderPage();
    expect(
      await screen.findByText(
        'Hay cambios sin enviar desde ayer. Este navegador protege los datos del dispositivo, así que no corren riesgo; se enviarán solos al sincronizar.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns, with what to do, when unprotected changes are over a day old', async () => {
    fakeStorage({ persisted: false, usage: 1_000, quota: 2_000_000_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    await ageOutbox(30);
    renderPage();
    // The warning's reasons come from several reads (outbox, storage estimate): wait for its text.
    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent('Los datos sin sincronizar de este dispositivo están en riesgo.'),
    );
    expect(alert).toHaveTextContent(
      'Hay cambios sin enviar desde ayer (más de 24 horas) y el navegador no protege estos datos',
    );
    expect(alert).toHaveTextContent('Qué hacer: busca conexión y toca «Sincronizar ahora»');
  });

  it('warns when storage is over 80 % full, but not for fresh changes on unprotected storage', async () => {
    fakeStorage({ persisted: false, usage: 850, quota: 1_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    renderPage();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('El almacenamiento está casi lleno (85% usado)'));
    expect(alert).toHaveTextContent('Qué hacer: sincroniza');
    expect(alert).not.toHaveTextContent('no protege');
    expect(screen.getByText('No persistente')).toBeInTheDocument();
  });

  it('warns when the server refuses the session while changes wait, and says to sign in again', async () => {
    fakeStorage({ persisted: true, usage: 1_000, quota: 2_000_000_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    render(
      <MemoryRouter>
        <SyncPage
          status={{ ...idle, phase: 'needs_login', lastError: 'token_revoked' }}
          onSyncNow={() => undefined}
        />
      </MemoryRouter>,
    );
    const alert = await screen.findByRole('alert');
    await waitFor(() =>
      expect(alert).toHaveTextContent(
        'El servidor ya no acepta la sesión de este dispositivo y hay cambios sin enviar',
      ),
    );
    expect(alert).toHaveTextContent('Qué hacer: inicia sesión otra vez');
  });

  it('says so plainly where the browser reports nothing', async () => {
    renderPage();
    expect(await screen.findAllByText('El navegador no lo informa')).toHaveLength(2);
    expect(screen.getByText('Ninguno')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Descargar cambios sin sincronizar' })).toBeDisabled();
  });
});

describe('storage badge in the header', () => {
  it('stays away while changes merely wait, in neutral words; appears once they are really at risk', async () => {
    fakeStorage({ persisted: false, usage: 100, quota: 1_000 });
    const offline = { ...idle, online: false, lastSyncAt: new Date(Date.now() - 5 * 60_000).toISOString() };
    const { unmount } = render(
      <MemoryRouter>
        <SyncIndicator status={offline} />
      </MemoryRouter>,
    );
    // Nothing waits: no badge.
    await screen.findByText(/hace 5 minutos/);
    expect(screen.queryByText('Datos en riesgo')).not.toBeInTheDocument();
    unmount();

    // Three changes wait offline on unprotected storage: normal, counted, no alarm.
    for (const name of ['Colonia Renovación', 'Barrio San Miguel', 'Pueblo Culhuacán'])
      await createProcess({ name, unitKeys: ['07-010'], stage: 'convening' });
    const second = render(
      <MemoryRouter>
        <SyncIndicator status={offline} />
      </MemoryRouter>,
    );
    const status = screen.getByRole('status');
    expect(await within(status).findByText(/3 cambios por enviar/)).toBeInTheDocument();
    expect(status).toHaveTextContent('Sin conexión');
    expect(screen.queryByText('Datos en riesgo')).not.toBeInTheDocument();
    expect(screen.getByRole('link')).toHaveClass('sync-offline');
    second.unmount();

    // A day later they are at risk.
    await ageOutbox(30);
    render(
      <MemoryRouter>
        <SyncIndicator status={offline} />
      </MemoryRouter>,
    );
    expect(await within(screen.getByRole('status')).findByText('Datos en riesgo')).toBeInTheDocument();
  });

  it('appears when the session is refused while changes wait', async () => {
    fakeStorage({ persisted: true, usage: 100, quota: 1_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    render(
      <MemoryRouter>
        <SyncIndicator status={{ ...idle, phase: 'needs_login', lastError: 'token_revoked' }} />
      </MemoryRouter>,
    );
    expect(await within(screen.getByRole('status')).findByText('Datos en riesgo')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Inicia sesión de nuevo');
  });
});

describe('export of unsynced changes', () => {
  it('downloads tequio-pendientes-<date>.json with the pending changes and without the token', async () => {
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    let saved: Blob | null = null;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    let downloadName = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloadName = this.download;
    });

    renderPage();
    const button = await screen.findByRole('button', { name: 'Descargar cambios sin sincronizar' });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await userEvent.setup().click(button);

    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const expected = `tequio-pendientes-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
    expect(
      await screen.findByText(`Se descargó «${expected}». Entrégalo a la coordinación.`),
    ).toBeInTheDocument();
    expect(downloadName).toBe(expected);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved!);
    });
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'tequio-unsynced', version: 1, user: { username: 'rosa' } });
    expect(file.mutations).toHaveLength(1);
    expect(file.records.process[0].fields.name).toBe('Colonia Renovación');
    expect(text).not.toContain('device-token-never-exported');
  });
});
