import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './confirm-dialog';
import { FormAlert } from './form-alert';
import { errorReason, type SaveOutcome } from './use-entity-form';

export interface DeleteRecordProps {
  /** The button, e.g. "Eliminar sesión". */
  label: string;
  /** The question's title and body, and the button that confirms it. */
  title: string;
  question: ReactNode;
  confirmLabel: string;
  /** Deletes the record on this device; what follows is an outcome like a save's (usually back to the list). */
  onDelete(): Promise<SaveOutcome | void>;
  failed?(error: unknown): string;
}

/**
 * Deleting a record: a button at the end of the page, away from "Guardar",
 * that asks first. Rendered by <EntityForm> after the form itself.
 */
export function DeleteRecord({
  label,
  title,
  question,
  confirmLabel,
  onDelete,
  failed,
  finish,
}: DeleteRecordProps & { finish(outcome: SaveOutcome | void): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="delete-record">
      <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
        {label}
      </button>
      <FormAlert>{error}</FormAlert>
      <ConfirmDialog
        open={confirming}
        title={title}
        confirmLabel={confirmLabel}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          setError(null);
          onDelete().then(finish, (reason: unknown) =>
            setError(failed ? failed(reason) : t('common.deleteFailed', { reason: errorReason(reason) })),
          );
        }}
      >
        {question}
      </ConfirmDialog>
    </div>
  );
}
