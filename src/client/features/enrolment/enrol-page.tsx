import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { z } from 'zod';
import { codeFromScan, enrolmentCodeSchema } from '../../../domain';
import { enrolDevice } from '../../data/use-account';
import { ApiError } from '../../net/api-client';
import { EntityForm } from '../../ui/entity-form';
import { formFields, useFieldNaming } from '../../ui/form-fields';
import { PageHeading } from '../../ui/page-heading';
import { useEntityForm } from '../../ui/use-entity-form';
import { QrScanner } from './qr-scanner';
import './enrolment.css';
import './strings';

const enrolFormSchema = z.object({ code: enrolmentCodeSchema });
type EnrolFormValues = z.input<typeof enrolFormSchema>;
const { TextField } = formFields<EnrolFormValues>();

/**
 * `/enrol` ("Entrar con código"): a tablet signs in with a one-time
 * enrolment code — scanned with the camera, typed, or carried by the QR
 * code's own link (`/enrol#ABCD-EFGH`, the fragment never reaches a server)
 * — and receives its own device token. No password is typed.
 */
export function EnrolPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const [scanning, setScanning] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const [scanned, setScanned] = useState<string | null>(null);
  const fromLink = codeFromScan(hash);
  const field = useFieldNaming<EnrolFormValues>({ id: 'enrol', keys: 'enrolment' });
  const shell = useEntityForm<EnrolFormValues, z.output<typeof enrolFormSchema>>({
    schema: enrolFormSchema,
    defaultValues: { code: fromLink ?? '' },
    failed: (error) => {
      if (!(error instanceof ApiError)) return t('enrolment.failed', { message: String(error) });
      if (error.code === 'network') return t('enrolment.enrolOffline');
      if (error.code === 'rate_limited') return t('enrolment.rateLimited');
      if (error.status >= 500) return t('auth.errors.server');
      return t('enrolment.badCode');
    },
    onSave: async ({ code }) => {
      await enrolDevice(code);
      return { to: '/', replace: true };
    },
  });

  const onScanned = (code: string) => {
    setScanning(false);
    setScanned(code);
    shell.form.setValue('code', code, { shouldDirty: true });
    shell.onSubmit();
  };

  return (
    <section className="narrow stack">
      <PageHeading title={t('enrolment.enrolTitle')}>{t('enrolment.enrolTitle')}</PageHeading>
      <p>{t('enrolment.enrolIntro')}</p>
      <div role="status">
        {scanned ? <p className="notice">{t('enrolment.scanned', { code: scanned })}</p> : null}
      </div>
      {cameraFailed ? <p className="notice">{t('enrolment.noCamera')}</p> : null}
      {scanning ? (
        <>
          <QrScanner
            onCode={onScanned}
            onUnavailable={() => {
              setScanning(false);
              setCameraFailed(true);
            }}
          />
          <button type="button" className="button" onClick={() => setScanning(false)}>
            {t('enrolment.stopScan')}
          </button>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setScanning(true)}>
          {t('enrolment.scan')}
        </button>
      )}
      <EntityForm
        shell={shell}
        submitLabel={t('enrolment.enrol')}
        submittingLabel={t('enrolment.enrolling')}
        bar="inline"
        fixErrorsText={t('common.checkFields')}
      >
        <TextField
          {...field('code', { hint: true })}
          errorKeys={{ custom: 'errors.enrolmentCode' }}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          className="code-input"
          required
        />
      </EntityForm>
      <p>
        <Link to="/login" className="link-target">
          {t('enrolment.withPassword')}
        </Link>
      </p>
    </section>
  );
}
