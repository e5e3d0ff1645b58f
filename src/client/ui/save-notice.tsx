import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

type Values = Record<string, string | number>;

/**
 * "Saved": what every form says once its record is written. Kept as i18n
 * keys, so it follows the UI language, and it says where the record is —
 * on this device; it reaches the server when the device syncs.
 */
export interface SaveNotice {
  key: string;
  values?: Values;
  /** A link to what was saved, when the page the form lands on does not show it at once. */
  link?: { to: string; key: string; values?: Values };
  /** Which <SaveConfirmation> of the destination shows it, when a page has one per section. */
  region?: string;
}

/** The router state that carries a notice to the destination's <SaveConfirmation>. */
export function noticeState(notice: SaveNotice | undefined): { saved: SaveNotice } | undefined {
  return notice ? { saved: notice } : undefined;
}

function isNotice(value: unknown): value is SaveNotice {
  return typeof value === 'object' && value !== null && typeof (value as SaveNotice).key === 'string';
}

/**
 * A notice in a status region (announced by screen readers), with its link.
 * With `focus`, it takes focus when it appears — the page just opened, so the
 * confirmation is what is read and seen first, wherever it sits on the page.
 */
export function SavedNotice({ notice, focus = false }: { notice: SaveNotice | null; focus?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice && focus) ref.current?.focus();
  }, [notice, focus]);
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={notice && focus ? -1 : undefined}
      className={notice ? 'notice save-notice' : 'save-notice'}
    >
      {notice ? t(notice.key, notice.values) : null}
      {notice?.link ? (
        <>
          {' '}
          <Link to={notice.link.to}>{t(notice.link.key, notice.link.values)}</Link>
        </>
      ) : null}
    </p>
  );
}

/**
 * Where a page confirms what a form just saved (the form navigated here with
 * `noticeState`). One per page, near its top; a page that confirms inside a
 * section names it with `region`, and the form names the same region.
 */
export function SaveConfirmation({ region }: { region?: string }) {
  const { state } = useLocation();
  const saved: unknown = (state as { saved?: unknown } | null)?.saved;
  // Nothing to confirm, nothing rendered: the notice takes focus when it comes, so it is read anyway.
  if (!isNotice(saved) || saved.region !== region) return null;
  return <SavedNotice notice={saved} focus />;
}
