import type { ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RecordForm, type InlineRecordFormProps, type RecordFormProps } from './record-form';
import { errorReason } from './use-entity-form';

/**
 * A record's short form inside a card (to add one, or edit one in place): its
 * button beside the fields, its confirmation in place, and a failed save said
 * with `failedKey` (given the error as `reason`).
 */
export function InlineRecordForm<Values extends FieldValues, Output = Values>({
  schema,
  failedKey,
  children,
  ...props
}: InlineRecordFormProps<Values, Output> & {
  schema: RecordFormProps<Values, Output>['schema'];
  failedKey: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <RecordForm<Values, Output>
      bar="inline"
      {...props}
      schema={schema}
      failed={(error) => t(failedKey, { reason: errorReason(error) })}
      className="inline-form"
      confirmsInPlace
    >
      {children}
    </RecordForm>
  );
}
