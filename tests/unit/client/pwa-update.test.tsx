import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { PwaUpdateBanner, applyUpdate, usePwaUpdateStore } from '../../../src/client/app/pwa-update';
import { hasUnsavedChanges, useUnsavedStore } from '../../../src/client/app/unsaved-store';

beforeEach(() => {
  usePwaUpdateStore.setState({ waiting: false, stale: false, dismissed: false });
  useUnsavedStore.setState({ forms: {} });
});
afterEach(cleanup);

describe('unsaved store', () => {
  it('tracks each form separately', () => {
    const { setDirty } = useUnsavedStore.getState();
    setDirty('session-form', true);
    setDirty('process-form', true);
    setDirty('session-form', false);
    expect(hasUnsavedChanges()).toBe(true);
    setDirty('process-form', false);
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('update banner', () => {
  it('stays empty until a new version waits', () => {
    render(<PwaUpdateBanner />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers the update when nothing is unsaved', () => {
    usePwaUpdateStore.setState({ waiting: true });
    render(<PwaUpdateBanner />);
    expect(screen.getByRole('status')).toHaveTextContent('Nueva versión disponible.');
    expect(screen.getByRole('button', { name: 'Actualizar' })).toBeInTheDocument();
  });

  it('asks to save first, and refuses to reload, while a form holds unsaved input', () => {
    usePwaUpdateStore.setState({ waiting: true });
    useUnsavedStore.getState().setDirty('session-form', true);
    render(<PwaUpdateBanner />);
    expect(screen.getByRole('status')).toHaveTextContent('Guarda primero lo que estás capturando');
    expect(screen.queryByRole('button', { name: 'Actualizar' })).not.toBeInTheDocument();
    expect(applyUpdate()).toBe(false);
    act(() => useUnsavedStore.getState().setDirty('session-form', false));
    expect(screen.getByRole('button', { name: 'Actualizar' })).toBeInTheDocument();
  });

  it('can be put off until the next version', () => {
    usePwaUpdateStore.setState({ waiting: true });
    render(<PwaUpdateBanner />);
    act(() => screen.getByRole('button', { name: 'Más tarde' }).click());
    expect(screen.queryByText('Nueva versión disponible.')).not.toBeInTheDocument();
  });
});
