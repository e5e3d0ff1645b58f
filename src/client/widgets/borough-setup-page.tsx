import type { ReactNode } from 'react';
import { useAccount } from '../data/use-account';
import { PageHeading } from '../ui/page-heading';
import { Loading } from '../ui/status-views';

/**
 * A page where coordinators and administrators set up the borough on this
 * device (its territory, government areas, project statuses): its heading,
 * then its content, or why it is closed, announced at once.
 */
export function BoroughSetupPage({
  title,
  forbidden,
  children,
}: {
  title: string;
  forbidden: string;
  children: ReactNode;
}) {
  const account = useAccount();
  if (account === undefined) return <Loading />;
  const role = account?.user.role;
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      {role === 'admin' || role === 'coordinator' ? children : <p role="alert">{forbidden}</p>}
    </section>
  );
}
