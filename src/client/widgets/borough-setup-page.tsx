import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../data/use-account';
import { PageHeading } from '../ui/page-heading';
import { Loading } from '../ui/status-views';

/**
 * A page where coordinators and administrators set up the borough on this
 * device (its territory, government areas, project statuses): its heading,
 * then its content, or why it is closed, announced at once. Its words come
 * from the page's i18n prefix: `<words>.title` and `<words>.forbidden`, and,
 * with `intro`, the paragraph `<words>.intro` above the content.
 */
export function BoroughSetupPage({
  words,
  intro = false,
  children,
}: {
  words: string;
  intro?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  if (account === undefined) return <Loading />;
  const role = account?.user.role;
  const title = t(`${words}.title`);
  return (
    <section>
      <PageHeading title={title}>{title}</PageHeading>
      {role === 'admin' || role === 'coordinator' ? (
        <>
          {intro ? <p>{t(`${words}.intro`)}</p> : null}
          {children}
        </>
      ) : (
        <p role="alert">{t(`${words}.forbidden`)}</p>
      )}
    </section>
  );
}
