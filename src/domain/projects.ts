/**
 * Projects and their actions: the parent rule, the community's order as a
 * numbered outline, and the progress roll-up from a project's actions.
 *
 * Pure and tolerant: two tablets that did not know of each other can still
 * make a loop of parents between them (each write was fine alone), so every
 * walk here stops at a record it has already seen, and a project caught in a
 * loop is shown at the top level rather than lost.
 */
import type { Project, RollUpMethod } from './entities/project';

export type ProjectRecord = Project & { id: string };

/** What a project tree needs of a project (so views and tests can pass less). */
export type ProjectNode = Pick<Project, 'title'> &
  Partial<Pick<Project, 'parentId' | 'communityOrder' | 'rollUp' | 'weight' | 'kind' | 'processId'>> & {
    id: string;
  };

export type ParentProblem =
  'parent_is_self' | 'parent_not_found' | 'parent_other_process' | 'parent_not_project' | 'parent_loop';

/**
 * What is wrong with giving `project` the parent `parentId` (empty when it may).
 * The parent must be a project (not an action) of the same process, and the
 * new link must not close a loop through the parents `projects` hold.
 */
export function parentProblems(
  project: { id: string; processId: string },
  parentId: string,
  projects: readonly ProjectNode[],
): ParentProblem[] {
  if (parentId === project.id) return ['parent_is_self'];
  const byId = new Map(projects.map((p) => [p.id, p]));
  const parent = byId.get(parentId);
  if (!parent) return ['parent_not_found'];
  const problems: ParentProblem[] = [];
  if (parent.processId !== undefined && parent.processId !== project.processId)
    problems.push('parent_other_process');
  if (parent.kind === 'action') problems.push('parent_not_project');
  const seen = new Set<string>();
  for (let at: ProjectNode | undefined = parent; at && !seen.has(at.id); at = byId.get(at.parentId ?? '')) {
    if (at.id === project.id) {
      problems.push('parent_loop');
      break;
    }
    seen.add(at.id);
  }
  return problems;
}

/**
 * The parent each project really hangs from: its `parentId` when that project
 * is among `projects` and the link is not part of a loop, otherwise none.
 */
export function effectiveParents(projects: readonly ProjectNode[]): Map<string, string | null> {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const result = new Map<string, string | null>();
  for (const p of projects) {
    const parentId = p.parentId && byId.has(p.parentId) ? p.parentId : null;
    let loops = false;
    const seen = new Set<string>([p.id]);
    for (let at = parentId ? byId.get(parentId) : undefined; at; at = byId.get(at.parentId ?? '')) {
      if (seen.has(at.id)) {
        loops = true;
        break;
      }
      seen.add(at.id);
    }
    result.set(p.id, loops ? null : parentId);
  }
  return result;
}

/** The community's order: ranked first (1, 2, 3…), the unranked after, by title. */
export function compareCommunityOrder(a: ProjectNode, b: ProjectNode): number {
  const x = a.communityOrder ?? Number.POSITIVE_INFINITY;
  const y = b.communityOrder ?? Number.POSITIVE_INFINITY;
  if (x !== y) return x < y ? -1 : 1;
  return a.title.localeCompare(b.title, 'es-MX') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface OutlineEntry<T extends ProjectNode> {
  project: T;
  /** "1", "2", "2.1"… */
  outline: string;
  /** 0 for a top-level project, 1 for its actions… */
  depth: number;
  /** The parent it is listed under (null at the top level). */
  parentId: string | null;
}

/**
 * `projects` in the community's order as a numbered outline: each top-level
 * project followed by its actions, each level ordered by `communityOrder`.
 * A project whose parent is not among `projects` is listed at the top level.
 */
export function projectOutline<T extends ProjectNode>(projects: readonly T[]): OutlineEntry<T>[] {
  const parents = effectiveParents(projects);
  const children = new Map<string | null, T[]>();
  for (const p of projects) {
    const parentId = parents.get(p.id) ?? null;
    children.set(parentId, [...(children.get(parentId) ?? []), p]);
  }
  const out: OutlineEntry<T>[] = [];
  const visit = (parentId: string | null, prefix: string, depth: number) => {
    const level = [...(children.get(parentId) ?? [])].sort(compareCommunityOrder);
    level.forEach((project, i) => {
      const outline = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ project, outline, depth, parentId });
      visit(project.id, outline, depth + 1);
    });
  };
  visit(null, '', 0);
  return out;
}

/** The next free place in the community's order among the children of `parentId` (or the top level). */
export function nextCommunityOrder(projects: readonly ProjectNode[], parentId: string | null = null): number {
  const siblings = projects.filter((p) => (p.parentId ?? null) === parentId);
  return Math.max(0, ...siblings.map((p) => p.communityOrder ?? 0)) + 1;
}

/** A project or action that may carry a progress figure (0–100; the follow-up adds it). */
export type ProgressNode = ProjectNode & { progress?: number | null };

export interface RollUp {
  /** 0–100, or null when there is nothing to roll up. */
  progress: number | null;
  method: RollUpMethod;
  /** Actions taken into account. */
  counted: number;
  /** Actions with no progress yet, counted as 0. */
  withoutProgress: number;
}

const clamp = (n: number) => Math.min(100, Math.max(0, n));

/**
 * A project's progress from its actions' progress: their plain average, or
 * (`weighted`) their mean weighted by each action's `weight` (1 when not set;
 * when every weight is 0 the plain average is used). An action with no
 * progress counts as 0 (not started). Null when there are no actions.
 */
export function rollUpProgress(
  method: RollUpMethod,
  children: readonly { progress?: number | null; weight?: number }[],
): RollUp {
  if (children.length === 0) return { progress: null, method, counted: 0, withoutProgress: 0 };
  const values = children.map((c) => (typeof c.progress === 'number' ? clamp(c.progress) : 0));
  const withoutProgress = children.filter((c) => typeof c.progress !== 'number').length;
  const plain = values.reduce((a, b) => a + b, 0) / values.length;
  let progress = plain;
  if (method === 'weighted') {
    const weights = children.map((c) => c.weight ?? 1);
    const total = weights.reduce((a, b) => a + b, 0);
    if (total > 0) progress = values.reduce((a, v, i) => a + v * weights[i]!, 0) / total;
  }
  return { progress, method, counted: children.length, withoutProgress };
}

/**
 * The progress of every project in `projects`: a project with actions rolls up
 * from them (recursively, by its own `rollUp`, `average` when not set); one
 * without actions has its own `progress` (null when it has none).
 */
export function projectProgress(projects: readonly ProgressNode[]): Map<string, number | null> {
  const parents = effectiveParents(projects);
  const children = new Map<string, ProgressNode[]>();
  for (const p of projects) {
    const parentId = parents.get(p.id);
    if (parentId) children.set(parentId, [...(children.get(parentId) ?? []), p]);
  }
  const result = new Map<string, number | null>();
  const compute = (p: ProgressNode): number | null => {
    if (result.has(p.id)) return result.get(p.id)!;
    const kids = children.get(p.id) ?? [];
    const own = typeof p.progress === 'number' ? clamp(p.progress) : null;
    const value =
      kids.length === 0
        ? own
        : rollUpProgress(
            p.rollUp ?? 'average',
            kids.map((k) => ({ progress: compute(k), weight: k.weight })),
          ).progress;
    result.set(p.id, value);
    return value;
  };
  for (const p of projects) compute(p);
  return result;
}
