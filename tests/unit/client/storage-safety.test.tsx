/** Storage safety on screen: use, persistence and age on /sync, the risk alert, the header badge, and the export file. */
import { cleanup, render, screen, within } from '@testing-library/react';
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

  it('warns when the oldest unsynced change is over a day old', async () => {
    fakeStorage({ persisted: true, usage: 1_000, quota: 2_000_000_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    await ageOutbox(30);
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Los datos sin sincronizar de este dispositivo están en riesgo.');
    expect(alert).toHaveTextContent('Hay cambios sin enviar desde ayer: más de 24 horas.');
  });

  it('warns when storage is over 80 % full, and when it is not persistent with data waiting', async () => {
    fakeStorage({ persisted: false, usage: 850, quota: 1_000 });
    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    renderPage();
    const notPersistent = await screen.findByText(
      'El navegador no protege estos datos y hay cambios sin enviar.',
    );
    const alert = screen.getByRole('alert');
    expect(alert).toContainElement(notPersistent);
    expect(alert).toHaveTextContent('El almacenamiento está casi lleno (85% usado)');
    expect(screen.getByText('No persistente')).toBeInTheDocument();
  });

  it('says so plainly where the browser reports nothing', async () => {
    renderPage();
    expect(await screen.findAllByText('El navegador no lo informa')).toHaveLength(2);
    expect(screen.getByText('Ninguno')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Descargar cambios sin sincronizar' })).toBeDisabled();
  });
});

describe('storage badge in the header', () => {
  it('appears only while unsynced data is at risk', async () => {
    fakeStorage({ persisted: false, usage: 100, quota: 1_000 });
    const { unmount } = render(
      <MemoryRouter>
        <SyncIndicator status={idle} />
      </MemoryRouter>,
    );
    // Nothing waits: non-persistent storage alone is no risk.
    await screen.findByText('Al día');
    expect(screen.queryByText('Datos en riesgo')).not.toBeInTheDocument();
    unmount();

    await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-010'], stage: 'convening' });
    render(
      <MemoryRouter>
        <SyncIndicator status={idle} />
      </MemoryRouter>,
    );
    expect(await within(screen.getByRole('status')).findByText('Datos en riesgo')).toBeInTheDocument();
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
