import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PointField } from '../../widgets/point-field/point-field';
import type { SessionFormValues } from './session-form-values';
import './strings';

/** Optional map point of the session's place (see `PointField`). */
export function LocationField() {
  const { t } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const { field } = useController({ control, name: 'location' });
  return (
    <PointField
      id="session"
      value={field.value ?? null}
      onChange={field.onChange}
      incompleteHint={t('sessionLocation.incomplete')}
    />
  );
}
