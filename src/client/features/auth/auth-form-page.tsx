import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EntityForm } from '../../ui/entity-form';
import { PageHeading } from '../../ui/page-heading';
import type { EntityFormShell } from '../../ui/use-entity-form';

/**
 * The page of sign-in and of first-run setup: a narrow column with its
 * heading and a few words, then the one form shell as a short form whose
 * button sits right after the fields.
 */
export function AuthFormPage<Values extends FieldValues, Output>({
  title,
  intro,
  shell,
  submitLabel,
  submittingLabel,
  footer,
  children,
}: {
  title: string;
  intro: ReactNode;
  shell: EntityFormShell<Values, Output>;
  submitLabel: string;
  submittingLabel: string;
  /** What follows the form (another way in, a link). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="narrow">
      <PageHeading title={title}>{title}</PageHeading>
      {intro}
      <EntityForm
        shell={shell}
        submitLabel={submitLabel}
        submittingLabel={submittingLabel}
        bar="inline"
        fixErrorsText={t('common.checkFields')}
      >
        {children}
      </EntityForm>
      {footer}
    </section>
  );
}
