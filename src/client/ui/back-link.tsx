import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The way back to the page above (the process, the session, the list), at the top of a page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="breadcrumb">
      <Link to={to}>← {children}</Link>
    </p>
  );
}
