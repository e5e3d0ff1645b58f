import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import {
  issueEnrolmentCode,
  listAccounts,
  listEnrolmentCodes,
  revokeEnrolmentCode,
  type Account,
  type EnrolmentView,
  type IssuedEnrolment,
} from '../../data/use-accounts';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { RetryAlert } from '../../ui/form-alert';
import { useEntityForm } from '../../ui/use-entity-form';
import { EnrolmentList } from './enrolment-list';
import { IssuedCode } from './issued-code';
import { enrolmentErrorText } from './remote-error';
import './enrolment.css';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import './strings';

const issueFormSchema = z.object({ userId: z.string().min(1) });
type IssueFormValues = z.input<typeof issueFormSchema>;
const { SelectField } = formFields<IssueFormValues>();

function IssueForm({ people, onIssued }: { people: Account[]; onIssued(issued: IssuedEnrolment): void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const wanted = params.get('user') ?? '';
  const shell = useEntityForm<IssueFormValues>({
    schema: issueFormSchema,
    defaultValues: { userId: people.some((p) => p.id === wanted) ? wanted : '' },
    failed: (error) => enrolmentErrorText(error, t),
    onSave: async ({ userId }) => {
      onIssued(await issueEnrolmentCode(userId));
    },
  });
  return (
    <EntityForm
      shell={shell}
      submitLabel={t('enrolment.issue')}
      submittingLabel={t('enrolment.issuing')}
      bar="inline"
      requiredNote={false}
    >
      <SelectField name="userId" id="enrolment-person" label={t('enrolment.person')} required>
        <option value="">{t('enrolment.choosePerson')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {t('enrolment.personOption', {
              name: p.displayName,
              role: t(`roles.${p.role}`),
              username: p.username,
            })}
          </option>
        ))}
      </SelectField>
    </EntityForm>
  );
}

function ManageEnrolment() {
  const { t } = useTranslation();
  const [people, setPeople] = useState<Account[] | null>(null);
  const [codes, setCodes] = useState<EnrolmentView[] | null>(null);
  const [issued, setIssued] = useState<IssuedEnrolment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    let active = true;
    setFailure(null);
    Promise.all([listAccounts(), listEnrolmentCodes()]).then(
      ([accounts, list]) => {
        if (!active) return;
        setPeople(accounts.filter((a) => a.active));
        setCodes(list);
      },
      (error: unknown) => active && setFailure(enrolmentErrorText(error, t)),
    );
    return () => {
      active = false;
    };
  }, [t]);
  useEffect(() => load(), [load]);

  const revoke = async (code: EnrolmentView) => {
    setMessage(null);
    setFailure(null);
    try {
      const revoked = await revokeEnrolmentCode(code.id);
      setCodes((list) => list?.map((c) => (c.id === revoked.id ? revoked : c)) ?? null);
      if (issued?.enrolment.id === revoked.id) setIssued(null);
      setMessage(t('enrolment.revoked', { name: code.userDisplayName }));
    } catch (error) {
      setFailure(enrolmentErrorText(error, t));
    }
  };

  return (
    <>
      <RetryAlert retryLabel={t('enrolment.retry')} onRetry={() => load()}>
        {failure}
      </RetryAlert>
      {people === null ? (
        failure ? null : (
          <p className="loading">{t('enrolment.loading')}</p>
        )
      ) : (
        <IssueForm
          people={people}
          onIssued={(next) => {
            setIssued(next);
            setCodes((list) => [next.enrolment, ...(list ?? [])]);
          }}
        />
      )}
      {issued ? <IssuedCode key={issued.enrolment.id} issued={issued} /> : null}
      <div role="status">{message ? <p className="notice">{message}</p> : null}</div>
      {codes !== null ? (
        <section className="stack" aria-labelledby="enrolment-list-title">
          <h2 id="enrolment-list-title">{t('enrolment.listTitle')}</h2>
          <EnrolmentList codes={codes} onRevoke={(code) => void revoke(code)} />
        </section>
      ) : null}
    </>
  );
}

/**
 * `/enrolment`, for coordinators and administrators: make a one-time code
 * (QR and text) that puts a person's tablet into service without a password,
 * and this week's codes, revocable while unused. Needs the network.
 */
export function EnrolmentPage() {
  const { t } = useTranslation();
  return (
    <ManagersOnlyPage title={t('enrolment.title')} forbidden={t('enrolment.forbidden')}>
      {() => (
        <>
          <p>{t('enrolment.intro')}</p>
          <ManageEnrolment />
        </>
      )}
    </ManagersOnlyPage>
  );
}
