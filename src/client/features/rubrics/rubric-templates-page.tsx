import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MOMENTS, SESSION_TYPES } from '../../../domain';
import { useAccount } from '../../data/use-account';
import {
  retireRubricTemplate,
  useActiveRubricTemplates,
  type RubricTemplateView,
} from '../../data/use-rubrics';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { FormAlert } from '../../ui/form-alert';
import { NewRecordLink } from '../../ui/new-record-link';
import { PageHeading } from '../../ui/page-heading';
import { PageSection } from '../../ui/page-section';
import { SaveConfirmation, noticeState } from '../../ui/save-notice';
import { Loading } from '../../ui/status-views';
import './strings';
import './rubrics.css';

const EDITORS = new Set(['coordinator', 'admin']);

function TemplateCard({
  template,
  canEdit,
  onRetire,
}: {
  template: RubricTemplateView;
  canEdit: boolean;
  onRetire(template: RubricTemplateView): void;
}) {
  const { t } = useTranslation();
  return (
    <li className="card rubric-template">
      <p className="card-kicker">{t(`rubrics.kinds.${template.kind}`)}</p>
      <h3 className="rubric-card-title">{template.name}</h3>
      <p>
        {t('rubrics.templates.version', { version: template.version })} ·{' '}
        {t('rubrics.templates.criteriaCount', { count: template.criteria.length })}
      </p>
      {template.description ? <p>{template.description}</p> : null}
      {canEdit ? (
        <>
          <p className="field-hint">{t('rubrics.templates.editHint', { next: template.version + 1 })}</p>
          <div className="actions">
            <Link
              className="button"
              to={`/rubrics/${template.id}/edit`}
              aria-label={t('rubrics.templates.editNamed', { name: template.name })}
            >
              {t('rubrics.templates.edit')}
            </Link>
            <button
              type="button"
              className="button button-danger"
              aria-label={t('rubrics.templates.retireNamed', { name: template.name })}
              onClick={() => onRetire(template)}
            >
              {t('rubrics.templates.retire')}
            </button>
          </div>
        </>
      ) : null}
    </li>
  );
}

/**
 * `/rubrics`: the templates offered for new scores, grouped by what they
 * apply to (the three moments, then session types). Coordinators and admins
 * create, edit (a new version) and retire them here.
 */
export function RubricTemplatesPage() {
  const { t } = useTranslation();
  const templates = useActiveRubricTemplates();
  const account = useAccount();
  const navigate = useNavigate();
  const canEdit = account ? EDITORS.has(account.user.role) : false;
  const [retiring, setRetiring] = useState<RubricTemplateView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const groups = templates
    ? [
        ...MOMENTS.map((moment) => ({
          key: `moment-${moment}`,
          title: t(`rubrics.moments.${moment}`),
          items: templates.filter((tpl) => tpl.appliesTo === 'moment' && tpl.moment === moment),
        })),
        ...SESSION_TYPES.map((type) => ({
          key: `session-${type}`,
          title: t('rubrics.templates.sessionsOf', { type: t(`vocabulary.sessionTypes.${type}`) }),
          items: templates.filter((tpl) => tpl.appliesTo === 'session' && tpl.sessionType === type),
        })),
      ].filter((g) => g.items.length > 0)
    : [];

  return (
    <section>
      <div className="page-header">
        <PageHeading title={t('rubrics.templates.title')}>{t('rubrics.templates.title')}</PageHeading>
        {canEdit ? <NewRecordLink to="/rubrics/new" label={t('rubrics.templates.new')} /> : null}
      </div>
      <p>
        <Link to="/rubrics/averages" className="button">
          {t('rubrics.averages.link')}
        </Link>
      </p>
      <SaveConfirmation />
      <FormAlert>{error}</FormAlert>
      {templates === undefined ? (
        <Loading />
      ) : groups.length === 0 ? (
        <p className="empty">{t('rubrics.templates.empty')}</p>
      ) : (
        groups.map((group) => (
          <PageSection key={group.key} id={`${group.key}-title`} title={group.title}>
            <ul className="plain-list card-grid">
              {group.items.map((template) => (
                <TemplateCard
                  key={template.id}
                  template={template}
                  canEdit={canEdit}
                  onRetire={setRetiring}
                />
              ))}
            </ul>
          </PageSection>
        ))
      )}
      <ConfirmDialog
        open={retiring !== null}
        title={t('rubrics.templates.retireTitle')}
        confirmLabel={t('rubrics.templates.retireConfirm')}
        danger
        onCancel={() => setRetiring(null)}
        onConfirm={() => {
          const template = retiring;
          setRetiring(null);
          if (!template) return;
          setError(null);
          retireRubricTemplate(template.id).then(
            // Confirmed like a save, at the top of the page (the retired card is gone).
            () =>
              void navigate('/rubrics', {
                replace: true,
                state: noticeState({ key: 'rubrics.templates.retired', values: { name: template.name } }),
              }),
            (err: unknown) =>
              setError(
                t('rubrics.templates.saveFailed', {
                  reason: err instanceof Error ? err.message : String(err),
                }),
              ),
          );
        }}
      >
        <p>{t('rubrics.templates.retireQuestion', { name: retiring?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
