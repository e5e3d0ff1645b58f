/**
 * The table of the one authorisation model (docs/authorization.md): for each
 * entity, who writes the record, which fields are stricter than the record,
 * which fields name records that must belong to the same process, and when a
 * record becomes frozen. `authorization.ts` reads it for every write; a new
 * entity adds its row here and a test per refusal.
 */
import type { EntityName } from '../../domain';

/**
 * How a whole record (create, edit, delete) is guarded:
 * - `process`: anyone who holds the record's process (team member, or a
 *   manager whose scope covers it), before and after the write;
 * - `borough`: admins and borough-wide coordinators only (reference data that
 *   is the same for every directorate);
 * - `unit`: like `borough`, except the fields a directorate coordinator may
 *   set on the units of their directorates (see `fields`).
 */
export type RecordRule = 'process' | 'borough' | 'unit';

/**
 * A field stricter than its record:
 * - `immutable`: set when the record is created, never changed (a record
 *   cannot be moved to another process);
 * - `team`: the process team — after creation only admins and coordinators
 *   whose scope holds the process before and after; a field user creating a
 *   process must list themselves;
 * - `units`: a directorate coordinator removes only units of their own
 *   directorates (a process may span adjacent units of two directorates, but
 *   one coordinator cannot take it out of the other's view);
 * - `unitDirectorate`: borough managers, or a directorate coordinator when
 *   both the old and the new directorate are theirs;
 * - `unitPriority`: borough managers, or a directorate coordinator for a unit
 *   of their directorates;
 * - `publish`: a process's public page (`published`, `publishedAt`) —
 *   administrators, coordinators whose scope holds the process, or a
 *   facilitator on its team; never a promoter (ADR 0008).
 */
export type FieldRule = 'immutable' | 'team' | 'units' | 'unitDirectorate' | 'unitPriority' | 'publish';

/** A field naming another record, which must belong to the same process when it exists. */
export interface Reference {
  field: string;
  entity: EntityName;
  /** The ids the field holds (a single id, a list, or ids inside objects). */
  ids(value: unknown): string[];
  /**
   * A link to a record of the same entity through the same field (a parent):
   * following it from the new target must not lead back to the record.
   */
  acyclic?: boolean;
}

/**
 * A record no one may change — whatever their role — once `field` holds
 * `value` (a validated Agenda version): any write that changes a value, or
 * deletes it, is refused. The write that sets `value` must also write the
 * `sealedWith` fields, and what it wrote must be what stands after the merge
 * (the same stamp): a field changed meanwhile on another device is never
 * frozen in place of what was approved.
 */
export interface FreezeRule {
  field: string;
  value: string;
  sealedWith: string[];
  /** Why the write is refused (the rejection's message). */
  message: string;
}

export interface EntityPolicy {
  record: RecordRule;
  fields?: Record<string, FieldRule>;
  references?: Reference[];
  freeze?: FreezeRule;
}

const one = (value: unknown) => (typeof value === 'string' ? [value] : []);
export const many = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
/** Ids under `key` of each object of a list (`[{ problemId }]`). */
const idsOf = (key: string) => (value: unknown) =>
  Array.isArray(value) ? value.flatMap((o) => one((o as Record<string, unknown> | null)?.[key])) : [];
const stageSessions = (value: unknown) =>
  Array.isArray(value) ? value.flatMap((s) => many((s as { sessionIds?: unknown } | null)?.sessionIds)) : [];
/** Ids of one section of an Agenda's content (`content.projects[].id`…). */
const contentIds = (section: 'projects' | 'vision') => (value: unknown) =>
  idsOf('id')((value as Record<string, unknown> | null)?.[section]);
const contentProblems = (value: unknown) => {
  const byTheme = ((value as { diagnosis?: { byTheme?: unknown } } | null)?.diagnosis?.byTheme ??
    []) as unknown;
  return Array.isArray(byTheme)
    ? byTheme.flatMap((g) => idsOf('id')((g as { problems?: unknown } | null)?.problems))
    : [];
};

const ref = (field: string, entity: EntityName, ids = one): Reference => ({ field, entity, ids });
const PROCESS_ID: Record<string, FieldRule> = { processId: 'immutable' };

export const WRITE_POLICY: Record<EntityName, EntityPolicy> = {
  process: {
    record: 'process',
    fields: { teamUserIds: 'team', unitKeys: 'units', published: 'publish', publishedAt: 'publish' },
    references: [ref('stageHistory', 'session', stageSessions)],
  },
  session: { record: 'process', fields: PROCESS_ID },
  problem: {
    record: 'process',
    fields: PROCESS_ID,
    references: [
      ref('sessionId', 'session'),
      ref('mergedIntoId', 'problem'),
      ref('noteIds', 'tourNote', many),
    ],
  },
  tourNote: { record: 'process', fields: PROCESS_ID, references: [ref('sessionId', 'session')] },
  round: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('sessionId', 'session'), ref('options', 'problem', idsOf('problemId'))],
  },
  ballot: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('roundId', 'round'), ref('supersedes', 'ballot')],
  },
  rubricScore: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('sessionId', 'session'), ref('supersedes', 'rubricScore')],
  },
  trackChunk: { record: 'process', fields: PROCESS_ID, references: [ref('sessionId', 'session')] },
  visionStatement: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('sessionId', 'session'), ref('problemIds', 'problem', many)],
  },
  // governmentAreaIds name reference data (no process): nothing to match.
  project: {
    record: 'process',
    fields: PROCESS_ID,
    references: [
      ref('problemIds', 'problem', many),
      ref('visionIds', 'visionStatement', many),
      { ...ref('parentId', 'project'), acyclic: true },
    ],
  },
  agendaVersion: {
    record: 'process',
    fields: PROCESS_ID,
    references: [
      ref('validationId', 'agendaValidation'),
      ref('content', 'project', contentIds('projects')),
      ref('content', 'visionStatement', contentIds('vision')),
      ref('content', 'problem', contentProblems),
    ],
    freeze: {
      field: 'status',
      value: 'validated',
      sealedWith: ['content', 'validationId'],
      message:
        'This Agenda version was validated by a Community Assembly and can no longer change; make a new version instead',
    },
  },
  agendaValidation: {
    record: 'process',
    fields: PROCESS_ID,
    references: [
      ref('agendaVersionId', 'agendaVersion'),
      ref('sessionId', 'session'),
      ref('roundId', 'round'),
      ref('supersedes', 'agendaValidation'),
    ],
  },
  // A timeline entry is read and written like its project: by whoever holds the process.
  projectUpdate: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('projectId', 'project')],
  },
  territorialUnit: {
    record: 'unit',
    fields: { directorateId: 'unitDirectorate', prioritised: 'unitPriority' },
  },
  directorate: { record: 'borough' },
  rubricTemplate: { record: 'borough' },
  mapPack: { record: 'borough' },
  governmentArea: { record: 'borough' },
  projectStatus: { record: 'borough' },
};
