/**
 * The project form's shape and schema, and how it maps to and from the
 * stored project. Each field's rule is the domain's (projectSchema and
 * commitmentSchema); the rules across fields (areas for a co-managed project,
 * a resident group's name, a government area's id) are the domain's too: the
 * form runs projectSchema on the project it would save and puts its issues on
 * the form's fields.
 */
import { z } from 'zod';
import {
  COMMITMENT_PARTIES,
  commitmentSchema,
  geoPointSchema,
  newId,
  projectSchema,
  type Commitment,
  type Project,
  type ThematicArea,
} from '../../../domain';
import type { ProjectView } from '../../data/use-projects';

const shape = projectSchema.shape;
const commitmentShape = commitmentSchema.shape;

const commitmentRow = z.object({
  id: commitmentShape.id,
  kind: z.enum(COMMITMENT_PARTIES),
  name: z.string().trim().max(200),
  governmentAreaId: z.string(),
  what: commitmentShape.what,
  dueDate: commitmentShape.dueDate,
  done: z.boolean(),
  /** The day it was marked done (follow-up); kept while it stays done. */
  doneAt: commitmentShape.doneAt,
});

const fieldsSchema = z.object({
  title: shape.title,
  description: z.string().trim().max(5000),
  kind: shape.kind,
  theme: shape.theme,
  problemIds: z.array(z.string()).max(100),
  visionIds: z.array(z.string()).max(100),
  managementMode: shape.managementMode,
  governmentAreaIds: z.array(z.string()).max(20),
  term: shape.term,
  costNote: z.string().trim().max(2000),
  unitKeys: z.array(z.string()).max(20),
  point: geoPointSchema.nullable(),
  parentId: z.string(),
  commitments: z.array(commitmentRow).max(100),
});

export type ProjectFormValues = z.input<typeof fieldsSchema>;
export type CommitmentRow = ProjectFormValues['commitments'][number];

/** Where an issue of the stored project's schema shows in the form. */
function formPath(path: readonly PropertyKey[]): PropertyKey[] {
  if (path[0] === 'where') return ['unitKeys'];
  if (path[0] === 'commitments' && path[2] === 'who') return ['commitments', path[1]!, path[3] ?? 'kind'];
  return [...path];
}

/** The rules across fields, from the domain's projectSchema (the process id does not matter here). */
export const projectFormSchema = fieldsSchema.superRefine((values, ctx) => {
  const parsed = projectSchema.safeParse(formToProject('00000000-0000-4000-8000-000000000000', values));
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'custom') continue;
    ctx.addIssue({ code: 'custom', path: formPath(issue.path), message: issue.message });
  }
});
export type ProjectFormOutput = z.output<typeof projectFormSchema>;

export function newCommitment(): CommitmentRow {
  return {
    id: newId(),
    kind: 'collective',
    name: '',
    governmentAreaId: '',
    what: '',
    dueDate: '',
    done: false,
  };
}

export function emptyProjectValues(parentId = ''): ProjectFormValues {
  return {
    title: '',
    description: '',
    kind: parentId ? 'action' : 'project',
    theme: '' as ThematicArea,
    problemIds: [],
    visionIds: [],
    managementMode: 'self_managed',
    governmentAreaIds: [],
    term: 'short',
    costNote: '',
    unitKeys: [],
    point: null,
    parentId,
    commitments: [],
  };
}

export function projectToFormValues(project: ProjectView): ProjectFormValues {
  return {
    title: project.title,
    description: project.description ?? '',
    kind: project.kind,
    theme: project.theme,
    problemIds: [...project.problemIds],
    visionIds: [...project.visionIds],
    managementMode: project.managementMode,
    governmentAreaIds: [...project.governmentAreaIds],
    term: project.term,
    costNote: project.costNote ?? '',
    unitKeys: [...(project.where?.unitKeys ?? [])],
    point: project.where?.point ?? null,
    parentId: project.parentId ?? '',
    commitments: project.commitments.map((c) => ({
      id: c.id,
      kind: c.who.kind,
      name: c.who.name ?? '',
      governmentAreaId: c.who.governmentAreaId ?? '',
      what: c.what,
      dueDate: c.dueDate,
      done: c.done ?? false,
      ...(c.doneAt ? { doneAt: c.doneAt } : {}),
    })),
  };
}

function toCommitment(row: CommitmentRow): Commitment {
  const who: Commitment['who'] = { kind: row.kind };
  if (row.kind !== 'government_area' && row.name.trim()) who.name = row.name.trim();
  if (row.kind === 'government_area' && row.governmentAreaId) who.governmentAreaId = row.governmentAreaId;
  return {
    id: row.id,
    who,
    what: row.what,
    dueDate: row.dueDate,
    ...(row.done ? { done: true, ...(row.doneAt ? { doneAt: row.doneAt } : {}) } : {}),
  };
}

/** The form as project fields (empty texts are absent; no units and no point is no place). */
export function formToProject(processId: string, values: ProjectFormValues | ProjectFormOutput): Project {
  const point = values.point ?? null;
  const hasPlace = values.unitKeys.length > 0 || !!point;
  return {
    processId,
    title: values.title,
    description: values.description.trim() === '' ? null : values.description,
    kind: values.kind,
    theme: values.theme,
    problemIds: values.problemIds,
    visionIds: values.visionIds,
    managementMode: values.managementMode,
    // A self-managed project names no responsible area.
    governmentAreaIds: values.managementMode === 'self_managed' ? [] : values.governmentAreaIds,
    term: values.term,
    costNote: values.costNote.trim() === '' ? null : values.costNote,
    where: hasPlace ? { unitKeys: values.unitKeys, ...(point ? { point } : {}) } : null,
    parentId: values.parentId === '' ? null : values.parentId,
    commitments: values.commitments.map(toCommitment),
  };
}
