import { useTranslation } from 'react-i18next';

/** The button that leaves a form or a question without doing anything: "Cancelar" (`common.cancel`) unless `label` says otherwise. */
export function CancelButton({
  label,
  onClick,
  autoFocus,
}: {
  label?: string | undefined;
  onClick: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button" onClick={onClick} autoFocus={autoFocus}>
      {label ?? t('common.cancel')}
    </button>
  );
}
