import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, type Account } from '../data/use-account';
import { PageHeading } from '../ui/page-heading';
import { Loading } from '../ui/status-views';

export interface ManagersOnlyPageProps {
  /**
   * The page's i18n prefix: its heading `<words>.title`, and `<words>.forbidden`,
   * said instead of the content to anyone who is neither coordinator nor administrator.
   */
  words: string;
  /** A heading other than `<words>.title` (a page for one item of the list). */
  title?: string;
  /** Shown under the heading to everyone (a save confirmation). */
  notice?: ReactNode;
  /** Puts the paragraph `<words>.intro`, on what the page is for, above the content. */
  intro?: boolean;
  /** The page for a coordinator or an administrator. */
  children: (account: Account) => ReactNode;
}

/**
 * A page only coordinators and administrators use (accounts, devices,
 * enrolment): its heading, and either its content or why it is closed.
 */
export function ManagersOnlyPage({ words, title, notice, intro = false, children }: ManagersOnlyPageProps) {
  const { t } = useTranslation();
  const account = useAccount();
  if (account === undefined) return <Loading />;
  const role = account?.user.role;
  const allowed = account !== null && (role === 'admin' || role === 'coordinator');
  const heading = title ?? t(`${words}.title`);
  return (
    <section className="stack">
      <PageHeading title={heading}>{heading}</PageHeading>
      {notice}
      {allowed ? (
        <>
          {intro ? <p>{t(`${words}.intro`)}</p> : null}
          {children(account)}
        </>
      ) : (
        <p>{t(`${words}.forbidden`)}</p>
      )}
    </section>
  );
}
