import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { UserSummary } from '../../../domain';
import { ApiError } from '../../net/api-client';
import { listTeamCandidates, useUserNames } from '../../data/use-users';
import { updateProcess, type ProcessView } from '../../data/use-processes';
import { useAccount } from '../../data/use-account';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { EntityForm } from '../../ui/entity-form';
import { FormAlert } from '../../ui/form-alert';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import './strings';

const CAN_ASSIGN = new Set(['admin', 'coordinator']);

const teamFormSchema = z.object({ teamUserIds: z.array(z.string()) });
type TeamFormValues = z.infer<typeof teamFormSchema>;

function TeamForm({
  process,
  candidates,
  onClose,
}: {
  process: ProcessView;
  candidates: UserSummary[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const shell = useEntityForm<TeamFormValues>({
    schema: teamFormSchema,
    defaultValues: { teamUserIds: process.teamUserIds },
    failed: (error) => t('processes.saveFailed', { reason: errorReason(error) }),
    onSave: async ({ teamUserIds }) => {
      await updateProcess(process.id, { teamUserIds });
      onClose();
      // Confirmed at the top of the process page.
      return { to: '.', replace: true, notice: { key: 'processTeam.saved' } };
    },
  });
  return (
    <EntityForm shell={shell} submitLabel={t('processTeam.save')} bar="inline" onCancel={onClose}>
      <CheckboxListField<TeamFormValues>
        name="teamUserIds"
        legend={t('processTeam.choose')}
        options={candidates.map((user) => ({
          value: user.id,
          label: `${user.displayName} (${t(`roles.${user.role}`)})`,
        }))}
      />
    </EntityForm>
  );
}

/**
 * The process's team by name. Names come from the device's cache (filled
 * whenever a coordinator lists accounts), so they show offline; an id the
 * device has never seen named is shown as "another member". Coordinators
 * edit the team from the account list, which needs the network.
 */
export function TeamSection({ process }: { process: ProcessView }) {
  const { t } = useTranslation();
  const names = useUserNames();
  const account = useAccount();
  const [candidates, setCandidates] = useState<UserSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canAssign = account ? CAN_ASSIGN.has(account.user.role) : false;

  const open = async () => {
    setMessage(null);
    try {
      setCandidates(await listTeamCandidates());
    } catch (err) {
      setMessage(
        err instanceof ApiError && err.code === 'network'
          ? t('processTeam.offline')
          : t('processes.saveFailed', { reason: errorReason(err) }),
      );
    }
  };

  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">{t('processTeam.title')}</h2>
      {process.teamUserIds.length === 0 ? (
        <p className="field-hint">{t('processTeam.empty')}</p>
      ) : (
        <ul className="plain-list">
          {process.teamUserIds.map((userId) => (
            <li key={userId}>{names?.[userId] ?? t('processTeam.unknownMember')}</li>
          ))}
        </ul>
      )}
      {canAssign && candidates === null ? (
        <button type="button" className="button" onClick={() => void open()}>
          {t('processTeam.edit')}
        </button>
      ) : null}
      {candidates ? (
        <TeamForm process={process} candidates={candidates} onClose={() => setCandidates(null)} />
      ) : null}
      <FormAlert>{message}</FormAlert>
    </section>
  );
}
