import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { LANGUAGE_STORAGE_KEY, i18n, setLanguage, storedLanguage } from '../../../src/client/i18n';
import { LanguageSwitch } from '../../../src/client/ui/language-switch';

function Greeting() {
  const { t } = useTranslation();
  return <p>{t('processes.title')}</p>;
}

beforeEach(async () => {
  localStorage.clear();
  await i18n.changeLanguage('es-MX');
});
afterEach(cleanup);

describe('language switch', () => {
  it('starts in Spanish (Mexico) with nothing remembered', () => {
    render(
      <>
        <LanguageSwitch />
        <Greeting />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Procesos')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es-MX');
  });

  it('switches the UI, the page language and zod messages, and remembers the choice', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LanguageSwitch />
        <Greeting />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Processes')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(storedLanguage()).toBe('en');
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/expected string/i);

    await user.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByText('Procesos')).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es-MX');
    expect(z.string().safeParse(1).error?.issues[0]?.message).toMatch(/se esperaba/i);
  });

  it('opens in the remembered language after a reload', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    vi.resetModules();
    const fresh = await import('../../../src/client/i18n');
    // English is its own chunk: the app waits for it before the first paint (main.tsx).
    await fresh.i18nReady;
    expect(fresh.i18n.language).toBe('en');
    expect(fresh.i18n.t('processes.title')).toBe('Processes');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores a stored value that is not one of its languages', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('es-MX');
  });
});

it('keeps the switch working when storage is blocked', async () => {
  const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('blocked', 'SecurityError');
  });
  try {
    await setLanguage('en');
    expect(i18n.language).toBe('en');
  } finally {
    spy.mockRestore();
    await setLanguage('es-MX');
  }
});
