import { useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { attendanceTotal } from '../../../domain';
import { useAgendaVersions, type AgendaVersionView } from '../../data/use-agenda';
import {
  recordAgendaValidation,
  useSessionValidations,
  ValidationRefusedError,
  type AgendaValidationView,
} from '../../data/use-agenda-validations';
import { useSession } from '../../data/use-sessions';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { NumberStepper } from '../../ui/number-stepper';
import { SavedNotice, type SaveNotice } from '../../ui/save-notice';
import { SessionSection, type SessionSectionProps } from '../../ui/session-section';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import './agenda.css';
import { SessionAgendaBallot } from './session-agenda-ballot';
import './strings';
import { voteWords } from './vote-words';

const count = z.number().int().min(0).max(100_000);
const voteSchema = z.object({
  versionId: z.string().min(1),
  for: count,
  against: count,
  abstain: count,
  reason: z.string().trim().max(500),
});
/** A correction says why (the domain asks for at least 3 characters). */
const correctionSchema = voteSchema.extend({ reason: z.string().trim().min(3).max(500) });
type VoteValues = z.infer<typeof voteSchema>;
const { TextField, SelectField } = formFields<VoteValues>();

function VoteCount({ name, idPrefix }: { name: 'for' | 'against' | 'abstain'; idPrefix: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<VoteValues>();
  const { field, fieldState } = useController({ control, name });
  const label = t(`agenda.validation.${name}`);
  return (
    <div>
      <NumberStepper
        id={`${idPrefix}-${name}`}
        label={label}
        labelText={label}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        invalid={Boolean(fieldState.error)}
      />
      {fieldState.error ? <p className="field-error">{errorText(fieldState.error)}</p> : null}
    </div>
  );
}

function ShowOfHandsForm({
  drafts,
  sessionId,
  onRecorded,
  correcting,
}: {
  drafts: AgendaVersionView[];
  sessionId: string;
  /** The confirmation, shown by the section: an approval removes the last draft, and this form with it. */
  onRecorded(notice: SaveNotice): void;
  /** The recorded result this form corrects (a new record that supersedes it, with the reason). */
  correcting?: AgendaValidationView;
}) {
  const { t } = useTranslation();
  const idPrefix = correcting ? `agenda-correct-${correcting.id}` : 'agenda-vote';
  const shell = useEntityForm<VoteValues>({
    schema: correcting ? correctionSchema : voteSchema,
    defaultValues: correcting
      ? { versionId: correcting.agendaVersionId, ...correcting.votes, reason: '' }
      : { versionId: drafts.length === 1 ? drafts[0]!.id : '', for: 0, against: 0, abstain: 0, reason: '' },
    failed: (error) =>
      t('agenda.validation.failed', {
        reason:
          error instanceof ValidationRefusedError
            ? error.problems.map((p) => t(`agenda.validation.problems.${p}`)).join(' ')
            : errorReason(error),
      }),
    onSave: async ({ versionId, reason, ...votes }) => {
      const { approved } = await recordAgendaValidation({
        versionId,
        sessionId,
        votes,
        ...(correcting ? { supersedes: correcting.id, reason } : {}),
      });
      const number = drafts.find((d) => d.id === versionId)?.number ?? 0;
      onRecorded({
        key: approved ? 'agenda.validation.approved' : 'agenda.validation.rejected',
        values: { number },
      });
      return { clear: true };
    },
  });
  return (
    <EntityForm
      shell={shell}
      submitLabel={t(correcting ? 'agenda.validation.correctSubmit' : 'agenda.validation.submit')}
      bar="inline"
      aria-labelledby={correcting ? `agenda-correct-${correcting.id}` : 'agenda-validation-title'}
    >
      {correcting ? (
        <TextField
          name="reason"
          id={`${idPrefix}-reason`}
          label={t('agenda.validation.reason')}
          maxLength={500}
          required
        />
      ) : (
        <SelectField
          name="versionId"
          id="agenda-vote-version"
          label={t('agenda.validation.version')}
          errorKeys={{ too_small: 'agenda.validation.chooseVersion' }}
          required
        >
          <option value="">{t('agenda.validation.chooseVersion')}</option>
          {drafts.map((d) => (
            <option key={d.id} value={d.id}>
              {t('agenda.validation.versionOption', { number: d.number, changelog: d.changelog })}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset>
        <legend>{t('agenda.validation.votes')}</legend>
        <div className="validation-votes">
          <VoteCount name="for" idPrefix={idPrefix} />
          <VoteCount name="against" idPrefix={idPrefix} />
          <VoteCount name="abstain" idPrefix={idPrefix} />
        </div>
      </fieldset>
    </EntityForm>
  );
}

/**
 * On a Community Assembly's page: put a draft of the Agenda to the assembly
 * and record its show of hands, with the session's attendance as the quorum
 * context. An approval validates the version and moves the process to stage
 * 9 (one transaction, on the device).
 */
export function SessionAgendaValidation({ sessionId, processId, sessionType }: SessionSectionProps) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  const versions = useAgendaVersions(processId);
  const recorded = useSessionValidations(sessionId);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  if (sessionType !== 'community_assembly' || !session || !versions || !recorded) return null;
  const attendance = attendanceTotal(session.attendance);
  const drafts = versions.filter((v) => v.status === 'draft');
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const superseded = new Set(recorded.flatMap((v) => (v.supersedes ? [v.supersedes] : [])));
  return (
    <SessionSection id="agenda-validation-title" title={t('agenda.validation.heading')}>
      <p>{t('agenda.validation.intro')}</p>
      <p>
        {attendance > 0
          ? t('agenda.validation.quorum', { count: attendance })
          : t('agenda.validation.quorumNone')}
      </p>
      {recorded.length > 0 ? (
        <>
          <h3>{t('agenda.validation.recorded')}</h3>
          <ul className="agenda-validations">
            {recorded.map((v) => (
              <li key={v.id}>
                <Link to={`/agenda/${v.agendaVersionId}`}>
                  {t('agenda.validation.line', voteWords(v, numberOf, t))}
                </Link>
                {v.reason ? ` — ${t('agenda.validation.corrected', { reason: v.reason })}` : null}
                {superseded.has(v.id) ? (
                  ` — ${t('agenda.validation.replaced')}`
                ) : (
                  <details className="agenda-correct">
                    <summary id={`agenda-correct-${v.id}`}>{t('agenda.validation.correct')}</summary>
                    <ShowOfHandsForm
                      drafts={[]}
                      sessionId={sessionId}
                      onRecorded={setNotice}
                      correcting={v}
                    />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {drafts.length === 0 ? (
        <div className="notice">
          <p>{t('agenda.validation.noDraft')}</p>
          <Link className="button" to={`/processes/${processId}/agenda`}>
            {t('agenda.validation.assemble')}
          </Link>
        </div>
      ) : (
        <ShowOfHandsForm drafts={drafts} sessionId={sessionId} onRecorded={setNotice} />
      )}
      <SessionAgendaBallot sessionId={sessionId} drafts={drafts} numberOf={numberOf} onRecorded={setNotice} />
      <SavedNotice notice={notice} />
    </SessionSection>
  );
}
