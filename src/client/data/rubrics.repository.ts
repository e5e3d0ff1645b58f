/**
 * Rubric templates and scores on this device.
 *
 * Templates are reference data that every device pulls; coordinators' edits
 * are ordinary local writes (the server refuses them from other roles). An
 * edit never changes a saved version: it writes a NEW record of the same
 * family with the next version number, so the scores given with an older
 * version still read against the criteria they used. Retiring marks the
 * newest version inactive. Two coordinators who save a new version of the
 * same family offline both get the same number; `activeTemplates` then keeps
 * one of them deterministically and the other stays readable by id.
 *
 * Scores are append-only: each is written once, with a fresh id, and never
 * edited; a correction is a new score that `supersedes` the old one, and
 * `currentScores` decides which stand — the same answer on every device,
 * whatever order the records arrived in. Everything here works offline.
 */
import {
  activeTemplates,
  currentScores,
  newId,
  rubricAverages,
  scoreMean,
  type InterviewNote,
  type Moment,
  type RubricAverages,
  type RubricScore,
  type RubricTemplate,
  type SessionType,
} from '../../domain';
import type { TequioDb } from './db';
import { ValidationError } from './errors';
import { createLocal, getLive, liveViews, requireLive, writeLocal, type View } from './records.repository';

export type RubricTemplateView = View<RubricTemplate>;
export type RubricScoreView = View<RubricScore>;

/** What a template says, without its version bookkeeping (family, version, active). */
export type RubricTemplateInput = Omit<RubricTemplate, 'family' | 'version' | 'active'>;

/** What the person scoring gives; the rest (who, when, which version) is filled in here. */
export interface RubricScoreInput {
  processId: string;
  templateId: string;
  target: 'session' | 'moment';
  sessionId?: string | null;
  moment?: Moment | null;
  levels: Record<string, number>;
  comment?: string | null;
  interviews?: InterviewNote[];
}

/** A current score with the template version it was given against (null if this device lacks it). */
export interface ScoredRubric {
  score: RubricScoreView;
  template: RubricTemplateView | null;
  mean: number;
}

/** What a template can apply to. */
export type RubricTarget = { sessionType: SessionType | string } | { moment: Moment };

/** Every template version on the device, old ones included (to read old scores). */
export async function listTemplates(db: TequioDb): Promise<RubricTemplateView[]> {
  return liveViews(await db.rubricTemplates.toArray());
}

/** The newest version of each family, when active: what is offered for new scores. */
export async function listActiveTemplates(db: TequioDb): Promise<RubricTemplateView[]> {
  return activeTemplates(await listTemplates(db));
}

/** Active templates made for this session type or this moment. */
export async function listApplicableTemplates(
  db: TequioDb,
  target: RubricTarget,
): Promise<RubricTemplateView[]> {
  return (await listActiveTemplates(db)).filter((t) =>
    'moment' in target
      ? t.appliesTo === 'moment' && t.moment === target.moment
      : t.appliesTo === 'session' && t.sessionType === target.sessionType,
  );
}

export function getTemplate(db: TequioDb, id: string): Promise<RubricTemplateView | null> {
  return getLive(db, 'rubricTemplate', id);
}

async function familyVersions(db: TequioDb, family: string): Promise<RubricTemplateView[]> {
  return liveViews(await db.rubricTemplates.where('fields.family').equals(family).toArray());
}

function templateFields(input: RubricTemplateInput) {
  return {
    name: input.name,
    description: input.description ?? null,
    kind: input.kind,
    appliesTo: input.appliesTo,
    sessionType: input.appliesTo === 'session' ? (input.sessionType ?? null) : null,
    moment: input.appliesTo === 'moment' ? (input.moment ?? null) : null,
    criteria: input.criteria,
  };
}

/** A new template (a new family, version 1, active); returns its id. Throws ValidationError. */
export async function createTemplate(db: TequioDb, input: RubricTemplateInput): Promise<string> {
  return createLocal(db, 'rubricTemplate', {
    ...templateFields(input),
    family: newId(),
    version: 1,
    active: true,
  });
}

/**
 * Saves an edit of `templateId` as the next version of its family (a new
 * record, active). The earlier versions are not touched, so the scores given
 * with them keep their meaning. Returns the new version's id.
 */
export async function saveTemplateVersion(
  db: TequioDb,
  templateId: string,
  input: RubricTemplateInput,
): Promise<string> {
  const base = await requireLive(db, 'rubricTemplate', templateId);
  const versions = await familyVersions(db, base.family);
  const version = Math.max(base.version, ...versions.map((t) => t.version)) + 1;
  return createLocal(db, 'rubricTemplate', {
    ...templateFields(input),
    family: base.family,
    version,
    active: true,
  });
}

/** Stops offering a template for new scores (its newest version turns inactive); old scores stay. */
export async function retireTemplate(db: TequioDb, templateId: string): Promise<void> {
  const base = await requireLive(db, 'rubricTemplate', templateId);
  const newest = (await familyVersions(db, base.family)).reduce((a, b) => (b.version > a.version ? b : a));
  if (!newest.active) return;
  await writeLocal(
    db,
    'rubricTemplate',
    newest.id,
    { op: 'put', fields: { active: false } },
    { mustExist: true },
  );
}

/** Refuses levels for criteria the template does not have (the schema cannot know them). */
function checkLevels(template: RubricTemplateView, levels: Record<string, number>): void {
  const known = new Set(template.criteria.map((c) => c.id));
  const unknown = Object.keys(levels).filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new ValidationError(
      unknown.map((id) => ({
        code: 'custom',
        path: ['levels', id],
        message: 'El criterio no es de esta plantilla',
        input: levels[id],
      })),
    );
}

async function writeScore(db: TequioDb, input: RubricScoreInput, supersedes: string | null): Promise<string> {
  const template = await requireLive(db, 'rubricTemplate', input.templateId);
  checkLevels(template, input.levels);
  const account = await db.getMeta('account');
  if (!account) throw new Error('No account is signed in on this device');
  return createLocal(db, 'rubricScore', {
    processId: input.processId,
    templateId: template.id,
    templateVersion: template.version,
    target: input.target,
    sessionId: input.target === 'session' ? (input.sessionId ?? null) : null,
    moment: input.target === 'moment' ? (input.moment ?? null) : null,
    levels: input.levels,
    comment: input.comment?.trim() ? input.comment.trim() : null,
    interviews: input.interviews ?? [],
    scoredAt: new Date().toISOString(),
    scoredBy: account.user.id,
    supersedes,
  });
}

/**
 * Records a score (a new, append-only record) by the signed-in account, with
 * the version of the template it used. Throws ValidationError; returns its id.
 */
export function scoreRubric(db: TequioDb, input: RubricScoreInput): Promise<string> {
  return writeScore(db, input, null);
}

/**
 * Corrects a score: a new record that supersedes `oldId` (which stays as it
 * was). What it scores (process, session or moment) is the old score's.
 */
export async function correctScore(
  db: TequioDb,
  oldId: string,
  input: Omit<RubricScoreInput, 'processId' | 'target' | 'sessionId' | 'moment'>,
): Promise<string> {
  const old = await requireLive(db, 'rubricScore', oldId);
  return writeScore(
    db,
    { ...input, processId: old.processId, target: old.target, sessionId: old.sessionId, moment: old.moment },
    oldId,
  );
}

function withTemplates(scores: RubricScoreView[], templates: RubricTemplateView[]): ScoredRubric[] {
  const byId = new Map(templates.map((t) => [t.id, t]));
  return currentScores(scores).map((score) => ({
    score,
    template: byId.get(score.templateId) ?? null,
    mean: scoreMean(score),
  }));
}

/** The process's current scores (corrections applied), oldest first. */
export async function listProcessScores(db: TequioDb, processId: string): Promise<ScoredRubric[]> {
  const rows = await db.rubricScores.where('fields.processId').equals(processId).toArray();
  return withTemplates(liveViews(rows), await listTemplates(db));
}

/** The session's current scores, oldest first. */
export async function listSessionScores(db: TequioDb, sessionId: string): Promise<ScoredRubric[]> {
  const rows = await db.rubricScores.filter((r) => r.fields.sessionId === sessionId).toArray();
  return withTemplates(liveViews(rows), await listTemplates(db));
}

/**
 * Which directorate each process belongs to: that of the first of its units
 * this device knows (null when the unit has none or no unit is known).
 */
async function directoratesOfProcesses(
  db: TequioDb,
  processIds: readonly string[],
): Promise<Map<string, { id: string; name: string } | null>> {
  const directorates = new Map(
    liveViews(await db.directorates.toArray()).map((d) => [d.id, { id: d.id, name: d.name }]),
  );
  const out = new Map<string, { id: string; name: string } | null>();
  for (const processId of new Set(processIds)) {
    const keys = (await getLive(db, 'process', processId))?.unitKeys ?? [];
    let found: { id: string; name: string } | null = null;
    for (const key of keys) {
      const [unit] = liveViews(await db.units.where('fields.key').equals(key).toArray());
      if (!unit) continue;
      const directorateId = unit.directorateId;
      found = directorateId ? (directorates.get(directorateId) ?? null) : null;
      break;
    }
    out.set(processId, found);
  }
  return out;
}

/** Averages of every current score on the device, by criterion, by moment and by directorate. */
export async function computeRubricAverages(db: TequioDb): Promise<RubricAverages> {
  const scores = liveViews(await db.rubricScores.toArray());
  const directorateOf = await directoratesOfProcesses(
    db,
    scores.map((s) => s.processId),
  );
  return rubricAverages(scores, await listTemplates(db), (id) => directorateOf.get(id) ?? null);
}
