/** The process page's "Página pública": publishing asks first and says what becomes public; promoters only see it. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/use-processes';
import { PublicPageSection } from '../../../src/client/features/public-page/public-page-section';
import type { Role } from '../../../src/domain';

let db: TequioDb;

async function signIn(role: Role) {
  await db.setMeta('account', {
    token: 'token',
    user: { id: 'u-1', username: 'rosa', displayName: 'Rosa', role, scope: { kind: 'processes' } },
  });
}

beforeEach(async () => {
  db = new TequioDb(`public-page-test-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(db.name);
});

async function renderSection() {
  const id = await createProcess({
    name: 'Colonia Lomas de Zaragoza',
    unitKeys: ['07-030'],
    stage: 'follow_up',
    teamUserIds: ['u-1'],
  });
  render(
    <MemoryRouter>
      <PublicPageSection processId={id} />
    </MemoryRouter>,
  );
  return { id, user: userEvent.setup() };
}

describe('public page section', () => {
  it('a facilitator publishes after a confirmation of what becomes public, then withdraws it', async () => {
    await signIn('facilitator');
    const { id, user } = await renderSection();
    const region = await screen.findByRole('region', { name: 'Página pública' });
    expect(region).toHaveTextContent('No publicada');
    await user.click(within(region).getByRole('button', { name: 'Publicar la página' }));
    const dialog = screen.getByRole('dialog', { name: /Publicar la página de «Colonia Lomas de Zaragoza»/ });
    expect(dialog).toHaveTextContent('con su estado y su avance');
    expect(dialog).toHaveTextContent('Nunca se muestran nombres de personas');
    await user.click(within(dialog).getByRole('button', { name: 'Publicar' }));
    await waitFor(() => expect(region).toHaveTextContent('Publicada desde'));
    const stored = await db.processes.get(id);
    expect(stored?.fields.published).toBe(true);
    expect(typeof stored?.fields.publishedAt).toBe('string');
    expect(within(region).getByRole('link', { name: new RegExp(`/publico/${id}$`) })).toBeInTheDocument();
    expect(region).toHaveTextContent(`/p/${id.slice(-8)}`);
    expect(within(region).getByRole('link', { name: 'Cartel con código QR' })).toHaveAttribute(
      'href',
      `/processes/${id}/cartel`,
    );
    const outbox = await db.outbox.toArray();
    expect(outbox.some((m) => m.recordId === id && m.op === 'put' && m.fields.published === true)).toBe(true);

    await user.click(within(region).getByRole('button', { name: 'Dejar de publicar' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Dejar de publicar' }));
    await waitFor(() => expect(region).toHaveTextContent('No publicada'));
    expect((await db.processes.get(id))?.fields.published).toBe(false);
  });

  it('cancelling the confirmation publishes nothing', async () => {
    await signIn('coordinator');
    const { id, user } = await renderSection();
    const region = await screen.findByRole('region', { name: 'Página pública' });
    await user.click(within(region).getByRole('button', { name: 'Publicar la página' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancelar' }));
    expect(region).toHaveTextContent('No publicada');
    expect((await db.processes.get(id))?.fields.published).toBeUndefined();
  });

  it('a promoter sees whether it is published but cannot publish', async () => {
    await signIn('promoter');
    await renderSection();
    const region = await screen.findByRole('region', { name: 'Página pública' });
    expect(within(region).queryByRole('button', { name: 'Publicar la página' })).toBeNull();
    expect(region).toHaveTextContent('Publican la coordinación y las personas facilitadoras');
  });
});
