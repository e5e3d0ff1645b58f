/** The "Fotos" field of the session form over the real data layer (Dexie on fake-indexeddb). */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';
import { SessionForm } from '../../../src/client/features/sessions/session-form';
import { sessionToFormValues } from '../../../src/client/features/sessions/session-form-values';
import type { Session } from '../../../src/domain';
import { aSession } from '../../fixtures/sessions';

const PROCESS_ID = '01890a5d-ac96-774b-bcce-b302099a8057';
let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`ui-photos-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
  // jsdom has no object URLs; the field only needs distinct strings.
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:photo-${++n}`);
  URL.revokeObjectURL = vi.fn();
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(db.name);
});

function renderForm(session: Session = aSession(PROCESS_ID)) {
  const onSubmit = vi.fn<(session: Session) => Promise<void>>(async () => undefined);
  const { container } = render(
    <MemoryRouter>
      <SessionForm
        defaultValues={sessionToFormValues(session)}
        submitLabel="Guardar sesión"
        cancelTo="/"
        onSubmit={onSubmit}
      />
    </MemoryRouter>,
  );
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  return { onSubmit, input, user: userEvent.setup() };
}

/** Hashing and storing take longer on a loaded machine than Testing Library's default second. */
const slow = { timeout: 10_000 };
const photo = (text: string) => new File([text], `${text}.jpg`, { type: 'image/jpeg' });

describe('photos field', () => {
  it(
    'takes photos with the camera, shows thumbnails, keeps one copy of a repeated photo, and removes',
    { timeout: 20_000 },
    async () => {
      const { input, user, onSubmit } = renderForm();
      expect(input).toHaveAttribute('accept', 'image/*');
      expect(input).toHaveAttribute('capture', 'environment');
      expect(input).toHaveAttribute('multiple');

      await user.upload(input, [photo('plaza'), photo('mercado')]);
      // A placeholder with the same name stands in (and is then replaced) until the photo is read back.
      await waitFor(
        () =>
          expect(screen.getByRole('img', { name: 'Foto 2 de la sesión' })).toHaveAttribute(
            'src',
            expect.stringMatching(/^blob:/),
          ),
        slow,
      );
      await user.upload(input, photo('plaza'));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Agregar fotos' })).toBeEnabled(), slow);
      expect(screen.getAllByRole('img', { name: /Foto \d de la sesión/ })).toHaveLength(2);
      expect(await db.blobs.count()).toBe(2);

      await user.click(screen.getByRole('button', { name: 'Quitar foto 1' }));
      expect(screen.getAllByRole('img', { name: /Foto \d de la sesión/ })).toHaveLength(1);
      await user.click(screen.getByRole('button', { name: 'Guardar sesión' }));
      await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1), slow);
      const saved = onSubmit.mock.calls[0]![0];
      const [mercado] = await db.blobs.filter((b) => b.size === 'mercado'.length).toArray();
      expect(saved.photos).toEqual([
        { sha256: mercado!.sha256, mime: 'image/jpeg', takenAt: expect.any(String) },
      ]);
      // The device keeps both copies until the server confirms them; removing a photo only unlinks it.
      expect(await db.blobs.where('status').equals('pending').count()).toBe(2);
    },
  );

  it(
    'storage full while saving a photo: says so, and the session still saves',
    { timeout: 20_000 },
    async () => {
      db.blobs.hook('creating', () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      const { input, user, onSubmit } = renderForm();
      await user.upload(input, photo('plaza'));
      expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(
        'El dispositivo no tiene espacio para guardar la foto. La sesión se puede guardar sin ella',
      );
      expect(screen.queryByRole('img', { name: /Foto/ })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Guardar sesión' }));
      await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1), slow);
      expect(onSubmit.mock.calls[0]![0].photos).toEqual([]);
    },
  );
});
