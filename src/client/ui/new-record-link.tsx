import { Link } from 'react-router';

/** The page's main button to a new record ("+ Nuevo proceso"); the "+" is not read out. */
export function NewRecordLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="button button-primary">
      <span aria-hidden="true">+ </span>
      {label}
    </Link>
  );
}
