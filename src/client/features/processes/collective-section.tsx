import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { collectiveSchema, newId, type Collective, type CollectiveMember } from '../../../domain';
import { updateProcess, type ProcessView } from '../../data/use-processes';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { RepeatableRows } from '../../ui/repeatable-rows';
import { formatDate, formatNumber, todayIsoDate } from '../../ui/format';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import './strings';

/** The editor's draft: each named member with the ticked consent and its day. */
const collectiveFormSchema = z.object({
  memberCount: z.number().int().min(0),
  members: z.array(
    z.object({ id: z.string(), name: z.string(), consent: z.boolean(), consentDate: z.string() }),
  ),
});
type CollectiveFormValues = z.infer<typeof collectiveFormSchema>;
const { TextField, NumberField, CheckboxField } = formFields<CollectiveFormValues>();

/** A draft the collective's rules refuse, with the i18n key of why. */
class CollectiveRefused extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** The draft as the collective to store: consent is required for every name, then the domain's rules. */
function toCollective({ memberCount, members }: CollectiveFormValues): Collective {
  if (members.some((m) => !m.consent || !m.consentDate))
    throw new CollectiveRefused('processCollective.consentRequired');
  const parsed = collectiveSchema.safeParse({
    memberCount,
    members: members.map(({ id, name, consentDate }): CollectiveMember => ({
      id,
      name: name.trim(),
      consentDate,
    })),
  });
  if (parsed.success) return parsed.data;
  const tooMany = parsed.error.issues.some((i) => i.path[0] === 'memberCount' && i.code === 'custom');
  throw new CollectiveRefused(tooMany ? 'processCollective.moreNamesThanCount' : 'processCollective.invalid');
}

function CollectiveForm({ process, onClose }: { process: ProcessView; onClose(): void }) {
  const { t } = useTranslation();
  const collective = process.collective ?? { memberCount: 0, members: [] };
  const shell = useEntityForm<CollectiveFormValues>({
    schema: collectiveFormSchema,
    defaultValues: {
      memberCount: collective.memberCount,
      members: collective.members.map((m) => ({ ...m, consent: true })),
    },
    failed: (error) =>
      error instanceof CollectiveRefused
        ? t(error.key)
        : t('processes.saveFailed', { reason: errorReason(error) }),
    onSave: async (values) => {
      await updateProcess(process.id, { collective: toCollective(values) });
      onClose();
      // Confirmed at the top of the process page.
      return { to: '.', replace: true, notice: { key: 'processCollective.saved' } };
    },
  });
  const { control } = shell.form;
  const members = useFieldArray({ control, name: 'members' });

  return (
    <EntityForm shell={shell} submitLabel={t('processCollective.save')} bar="inline" onCancel={onClose}>
      <NumberField
        name="memberCount"
        id="collective-count"
        label={t('processCollective.memberCount')}
        min={0}
      />
      <p className="field-hint">{t('processCollective.namesHint')}</p>
      <RepeatableRows
        rows={members.fields}
        itemLegend={(index) => t('processCollective.member', { number: index + 1 })}
        removeLabel={(index) => t('processCollective.remove', { number: index + 1 })}
        onRemove={members.remove}
        addLabel={t('processCollective.addMember')}
        onAdd={() => members.append({ id: newId(), name: '', consent: false, consentDate: todayIsoDate() })}
      >
        {(m, index) => (
          <>
            <TextField
              name={`members.${index}.name`}
              id={`member-${m.id}-name`}
              label={t('processCollective.name')}
            />
            <CheckboxField name={`members.${index}.consent`} label={t('processCollective.consent')} />
            <TextField
              name={`members.${index}.consentDate`}
              id={`member-${m.id}-date`}
              label={t('processCollective.consentDate')}
              type="date"
            />
          </>
        )}
      </RepeatableRows>
    </EntityForm>
  );
}

/**
 * The Planning Collective: how many residents committed, and — only for
 * those who agreed to it, with the day they agreed — their names. A name
 * without a ticked consent box and a date cannot be saved.
 */
export function CollectiveSection({ process }: { process: ProcessView }) {
  const { t, i18n } = useTranslation();
  const collective = process.collective ?? { memberCount: 0, members: [] };
  const [editing, setEditing] = useState(false);

  return (
    <section className="card" aria-labelledby="collective-title">
      <h2 id="collective-title">{t('processCollective.title')}</h2>
      <p>
        {t('processCollective.count', {
          count: collective.memberCount,
          formatted: formatNumber(collective.memberCount, i18n.language),
        })}
      </p>
      {collective.members.length > 0 && !editing ? (
        <ul className="plain-list">
          {collective.members.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <span className="field-hint">
                ({t('processCollective.consentOn', { date: formatDate(m.consentDate, i18n.language) })})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {!editing ? (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {t('processCollective.edit')}
        </button>
      ) : (
        <CollectiveForm process={process} onClose={() => setEditing(false)} />
      )}
    </section>
  );
}
