/** The project form's mapping and its cross-field rules, which come from the domain's projectSchema. */
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import {
  emptyProjectValues,
  formToProject,
  newCommitment,
  projectFormSchema,
  projectToFormValues,
  type ProjectFormValues,
} from '../../../src/client/features/projects/project-form-values';
import { newId } from '../../../src/domain';

const processId = newId();
const filled = (overrides: Partial<ProjectFormValues> = {}): ProjectFormValues => ({
  ...emptyProjectValues(),
  title: 'Luminarias solares',
  theme: 'safety',
  ...overrides,
});

const issues = (values: ProjectFormValues) => {
  const parsed = projectFormSchema.safeParse(values);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort();
};

describe('project form values', () => {
  it('a new action under a parent starts as an action; an empty place and texts are absent', () => {
    const parentId = newId();
    expect(emptyProjectValues(parentId)).toMatchObject({ kind: 'action', parentId });
    expect(formToProject(processId, filled({ description: '  ', costNote: '' }))).toMatchObject({
      description: null,
      costNote: null,
      where: null,
      parentId: null,
    });
  });

  it('puts the domain rules across fields on the form fields', () => {
    const group = {
      ...newCommitment(),
      kind: 'resident_group' as const,
      what: 'Vigilar',
      dueDate: '2027-01-10',
    };
    expect(issues(filled({ managementMode: 'co_managed', commitments: [group] }))).toEqual([
      'commitments.0.name: Escribe el nombre del grupo',
      'governmentAreaIds: Indica al menos un área de gobierno responsable',
    ]);
    const area = {
      ...newCommitment(),
      kind: 'government_area' as const,
      what: 'Instalar',
      dueDate: '2027-01-10',
    };
    expect(issues(filled({ commitments: [area] }))).toEqual([
      'commitments.0.governmentAreaId: Elige el área de gobierno',
    ]);
    expect(issues(filled())).toEqual([]);
  });

  it('a self-managed project names no area, and a stored project comes back to the same values', () => {
    const areaId = newId();
    const values = filled({
      managementMode: 'co_managed',
      governmentAreaIds: [areaId],
      unitKeys: ['07-001'],
      point: { lat: 19.35, lon: -99.06 },
      commitments: [
        {
          ...newCommitment(),
          kind: 'government_area',
          governmentAreaId: areaId,
          what: 'Instalar',
          dueDate: '2027-01-10',
        },
      ],
    });
    const project = formToProject(processId, values);
    expect(project.where).toEqual({ unitKeys: ['07-001'], point: { lat: 19.35, lon: -99.06 } });
    expect(project.commitments[0]?.who).toEqual({ kind: 'government_area', governmentAreaId: areaId });
    expect(projectToFormValues({ ...project, id: newId() })).toEqual(values);
    expect(formToProject(processId, { ...values, managementMode: 'self_managed' }).governmentAreaIds).toEqual(
      [],
    );
  });

  it('keeps the day a commitment was marked done in the follow-up while it stays done', () => {
    const done = {
      id: 'c1',
      who: { kind: 'collective' as const },
      what: 'Organizar la faena',
      dueDate: '2027-01-10',
      done: true,
      doneAt: '2027-01-08',
    };
    const project = formToProject(processId, filled());
    const values = projectToFormValues({ ...project, commitments: [done], id: newId() });
    expect(formToProject(processId, values).commitments).toEqual([done]);
    const reopened = { ...values, commitments: [{ ...values.commitments[0]!, done: false }] };
    expect(formToProject(processId, reopened).commitments[0]).not.toHaveProperty('doneAt');
  });
});
