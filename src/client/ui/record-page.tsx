import type { TFunction } from 'i18next';
import { useState, type ComponentType, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { changedFields } from '../../domain';
import { BackLink } from './back-link';
import type { DeleteRecordProps } from './delete-record';
import { PageHeading } from './page-heading';
import type { PageRecordFormProps } from './record-form';
import type { SaveNotice } from './save-notice';
import { Loading, NotFound } from './status-views';
import { errorReason, type SaveOutcome } from './use-entity-form';

/** What the app gives a page that holds a record's form. */
export interface FormPageProps {
  /** Told whenever the form starts or stops holding unsaved input. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** What other features hold for a record, shown on its page; composed by the app. */
export type RecordLinks<R> = (record: R) => ReactNode;

/**
 * A form page's two routes: `…/:id` edits that record (`existing`), any other makes a new one under
 * the record the route names by its `parent` parameter (`created`, given it as `parentId`). Each is
 * keyed by its id, so moving to another record opens a fresh form.
 */
export function FormPageRoutes<P extends object>({
  parent,
  existing: Existing,
  created: Created,
  pageProps,
}: {
  parent: string;
  existing: ComponentType<P & { id: string }>;
  created: ComponentType<P & { parentId: string }>;
  /** What the app gives the page, handed on to either. */
  pageProps: P;
}) {
  const { id, [parent]: parentId = '' } = useParams();
  if (id) return <Existing key={id} {...pageProps} id={id} />;
  return <Created key={parentId} {...pageProps} parentId={parentId} />;
}

/**
 * The values the form of `record` opened with, fixed for the life of the form: an edit is the
 * difference from these, not from later synced versions.
 */
function useOpenedValues<R, Values>(record: R, toValues: (record: R) => Values): Values {
  const [initial] = useState(() => toValues(record));
  return initial;
}

/**
 * Writes only what the form changed from what it opened with (`{ diffed: true }`), so a field
 * edited elsewhere meanwhile survives; nothing is written when nothing changed.
 */
async function saveChanges<T extends object>(
  update: (id: string, patch: Partial<NoInfer<T>>, options: { diffed: true }) => Promise<unknown>,
  id: string,
  before: object,
  after: T,
): Promise<void> {
  const patch = changedFields(before, after);
  if (Object.keys(patch).length > 0) await update(id, patch, { diffed: true });
}

/** What a form page gives the form it holds: whole values to open with, and a save that always leads on. */
export type HeldFormProps<Values extends FieldValues, Output> = Omit<
  PageRecordFormProps<Values, Output>,
  'defaultValues' | 'onSubmit'
> & { defaultValues: Values; onSubmit(values: Output): Promise<SaveOutcome> };

/** The link a save's notice adds to the record it wrote (`id`), when the page it lands on does not show it. */
type NoticeLink = (id: string) => SaveNotice['link'];

function savedNotice(key: string, id: string, link: NoticeLink | undefined): SaveNotice {
  return link ? { key, link: link(id) } : { key };
}

/**
 * The form of a new record, in the feature's words under `ns` (`save`, and `saved.created` for the
 * notice): it opens with `defaults`, read once; saving creates the record, then goes to `to` (made
 * from the new record's id; by default where "Cancelar" leads, `cancelTo`).
 */
export function useNewRecordForm<Values extends FieldValues, Output>({
  ns,
  defaults,
  cancelTo,
  create,
  to = () => cancelTo,
  link,
  onDirtyChange,
}: FormPageProps & {
  ns: string;
  defaults: () => Values;
  cancelTo: string;
  /** Writes the new record; gives its id. */
  create: (values: Output) => Promise<string>;
  to?: (id: string) => string;
  link?: NoticeLink;
}): HeldFormProps<Values, Output> {
  const { t } = useTranslation();
  const [defaultValues] = useState(defaults);
  return {
    defaultValues,
    submitLabel: t(`${ns}.save`),
    cancelTo,
    onDirtyChange,
    onSubmit: async (values) => {
      const id = await create(values);
      return { to: to(id), notice: savedNotice(`${ns}.saved.created`, id, link) };
    },
  };
}

/**
 * The form of `record` on its edit page, in the feature's words under `ns` (`saveChanges`, and
 * `saved.updated` for the notice): it opens with the record's values (`useOpenedValues`); saving
 * writes only what changed from them, as stored fields (`toStored`), then goes to `to`, where
 * "Cancelar" leads too.
 */
export function useEditRecordForm<
  R extends { id: string },
  Values extends FieldValues,
  Output,
  Stored extends object,
>(
  record: R,
  {
    ns,
    toValues,
    toStored,
    update,
    to,
    link,
    remove,
    onDirtyChange,
  }: FormPageProps & {
    ns: string;
    toValues: (record: R) => Values;
    toStored: (values: Values | Output) => Stored;
    update: (id: string, patch: Partial<NoInfer<Stored>>, options: { diffed: true }) => Promise<unknown>;
    to: string;
    link?: NoticeLink;
    /** Deleting the record (see `deleteAction`); once deleted the page goes to `to` unless this says otherwise. */
    remove?: Omit<DeleteOptions, 'ns' | 'to'> & { to?: string };
  },
): HeldFormProps<Values, Output> {
  const { t } = useTranslation();
  const initial = useOpenedValues(record, toValues);
  return {
    defaultValues: initial,
    submitLabel: t(`${ns}.saveChanges`),
    cancelTo: to,
    onDirtyChange,
    onSubmit: async (values) => {
      await saveChanges(update, record.id, toStored(initial), toStored(values));
      return { to, notice: savedNotice(`${ns}.saved.updated`, record.id, link) };
    },
    remove: remove && deleteAction(t, { ns, to, ...remove }),
  };
}

/**
 * The record as last read, kept once loaded: deleting it must not flash "not found" before the
 * page leaves. Undefined while it loads; null when there is none.
 */
export function useKeptRecord<R>(record: R | null | undefined): R | null | undefined {
  const [opened, setOpened] = useState<R | null>(null);
  if (record && !opened) setOpened(record);
  if (record === undefined && !opened) return undefined;
  return record ?? opened;
}

/**
 * The page of one record (the one edited, or the one a new record belongs to): "loading" until it
 * and whatever else the page waits for are read, "not found" when there is none, else the frame
 * (`back`, `title`) around what `children` shows of it.
 */
export function RecordPage<R>({
  record,
  loading = false,
  notFound,
  back,
  title,
  className,
  children,
}: {
  record: R | null | undefined;
  /** Something else the page needs is still being read. */
  loading?: boolean;
  notFound: string;
  back: (record: R) => { to: string; label: ReactNode };
  title: (record: R) => string;
  /** The section's classes, if any. */
  className?: string;
  children: (record: R) => ReactNode;
}) {
  if (record === undefined || loading) return <Loading />;
  if (record === null) return <NotFound message={notFound} />;
  const { to, label } = back(record);
  const heading = title(record);
  return (
    <section className={className}>
      <BackLink to={to}>{label}</BackLink>
      <PageHeading title={heading}>{heading}</PageHeading>
      {children(record)}
    </section>
  );
}

interface DeleteOptions {
  ns: string;
  question: ReactNode;
  remove: () => Promise<unknown>;
  to: string;
  replace?: boolean;
  failedKey?: string;
}

/**
 * Deleting the record a page edits, asked first, in the feature's words under `ns` (`delete`,
 * `deleteTitle`, `deleteConfirm`, `failedKey`, and `saved.deleted` for the notice); once deleted
 * the page goes to `to`.
 */
function deleteAction(
  t: TFunction,
  { ns, question, remove, to, replace = false, failedKey = 'deleteFailed' }: DeleteOptions,
): DeleteRecordProps {
  return {
    label: t(`${ns}.delete`),
    title: t(`${ns}.deleteTitle`),
    question,
    confirmLabel: t(`${ns}.deleteConfirm`),
    failed: (error) => t(`${ns}.${failedKey}`, { reason: errorReason(error) }),
    onDelete: async () => {
      await remove();
      return { to, replace, notice: { key: `${ns}.saved.deleted` } };
    },
  };
}
