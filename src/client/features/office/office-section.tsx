import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * One section of the office's page: a titled landmark, with an optional link under the title, and
 * its figures — or, where there are none, `empty` said instead.
 */
export function OfficeSection({
  id,
  title,
  link,
  empty,
  children,
}: {
  id: string;
  title: string;
  link?: { to: string; text: string };
  empty?: string | null;
  children: ReactNode;
}) {
  return (
    <section className="page-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {link ? (
        <p>
          <Link className="link-target" to={link.to}>
            {link.text}
          </Link>
        </p>
      ) : null}
      {empty ? <p className="empty">{empty}</p> : children}
    </section>
  );
}
