import type { ReactNode } from 'react';
import { useAccount, type Account } from '../data/use-account';
import { PageHeading } from '../ui/page-heading';
import { Loading } from '../ui/status-views';

export interface ManagersOnlyPageProps {
  title: string;
  /** Said instead of the content to anyone who is neither coordinator nor administrator. */
  forbidden: ReactNode;
  /** Shown under the heading to everyone (a save confirmation). */
  notice?: ReactNode;
  /** A paragraph on what the page is for, above the content. */
  intro?: ReactNode;
  /** The page for a coordinator or an administrator. */
  children: (account: Account) => ReactNode;
}

/**
 * A page only coordinators and administrators use (accounts, devices,
 * enrolment): its heading, and either its content or why it is closed.
 */
export function ManagersOnlyPage({ title, forbidden, notice, intro, children }: ManagersOnlyPageProps) {
  const account = useAccount();
  if (account === undefined) return <Loading />;
  const role = account?.user.role;
  const allowed = account !== null && (role === 'admin' || role === 'coordinator');
  return (
    <section className="stack">
      <PageHeading title={title}>{title}</PageHeading>
      {notice}
      {allowed ? (
        <>
          {intro ? <p>{intro}</p> : null}
          {children(account)}
        </>
      ) : (
        <p>{forbidden}</p>
      )}
    </section>
  );
}
