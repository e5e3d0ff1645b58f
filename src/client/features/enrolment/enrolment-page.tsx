import { useState } from 'react';
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
import { PersonOptions } from '../../ui/person-options';
import { ActionNotice, ServerAnswer } from '../../ui/server-answer';
import { useEntityForm } from '../../ui/use-entity-form';
import { useServerRead } from '../../ui/use-server-read';
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
        <PersonOptions people={people} optionKey="enrolment.personOption" />
      </SelectField>
    </EntityForm>
  );
}

/** The people a code can be made for (active accounts) and this week's codes. */
async function readEnrolment() {
  const [accounts, codes] = await Promise.all([listAccounts(), listEnrolmentCodes()]);
  return { people: accounts.filter((a) => a.active), codes };
}

function ManageEnrolment() {
  const { t } = useTranslation();
  const enrolment = useServerRead(readEnrolment, (error) => enrolmentErrorText(error, t));
  const [issued, setIssued] = useState<IssuedEnrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const setCodes = (change: (codes: EnrolmentView[]) => EnrolmentView[]) =>
    enrolment.setData((known) => known && { ...known, codes: change(known.codes) });

  const revoke = async (code: EnrolmentView) => {
    setMessage(null);
    enrolment.setError(null);
    try {
      const revoked = await revokeEnrolmentCode(code.id);
      setCodes((list) => list.map((c) => (c.id === revoked.id ? revoked : c)));
      if (issued?.enrolment.id === revoked.id) setIssued(null);
      setMessage(t('enrolment.revoked', { name: code.userDisplayName }));
    } catch (error) {
      enrolment.setError(error);
    }
  };

  return (
    <>
      <ServerAnswer read={enrolment} words="enrolment">
        {({ people }) => (
          <IssueForm
            people={people}
            onIssued={(next) => {
              setIssued(next);
              setCodes((list) => [next.enrolment, ...list]);
            }}
          />
        )}
      </ServerAnswer>
      {issued ? <IssuedCode key={issued.enrolment.id} issued={issued} /> : null}
      <ActionNotice>{message}</ActionNotice>
      {enrolment.data !== null ? (
        <section className="stack" aria-labelledby="enrolment-list-title">
          <h2 id="enrolment-list-title">{t('enrolment.listTitle')}</h2>
          <EnrolmentList codes={enrolment.data.codes} onRevoke={(code) => void revoke(code)} />
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
  return (
    <ManagersOnlyPage words="enrolment" intro>
      {() => <ManageEnrolment />}
    </ManagersOnlyPage>
  );
}
