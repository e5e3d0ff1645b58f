import { describe, expect, it } from 'vitest';
import { attendanceTotal, entities, newId, sessionSchema } from '../../../src/domain';
import { aProcess, aSession } from '../../fixtures/sessions';

describe('session schema', () => {
  it('accepts a complete session and totals its attendance', () => {
    const s = aSession(newId());
    expect(sessionSchema.safeParse(s).success).toBe(true);
    expect(attendanceTotal(s.attendance)).toBe(22);
  });

  it('refuses negative counts, unknown types, bad dates and empty facilitators, naming each path', () => {
    const s = aSession(newId(), { type: 'picnic' as never, date: '2026-13-40', facilitators: [] });
    s.attendance.counts.men.youth = -1;
    const r = sessionSchema.safeParse(s);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['type', 'date', 'facilitators', 'attendance.counts.men.youth']),
    );
  });

  it('refuses more indigenous or disabled attendees than attendees', () => {
    const s = aSession(newId());
    s.attendance.disability = 50;
    const r = sessionSchema.safeParse(s);
    expect(r.error?.issues[0]?.path).toEqual(['attendance', 'disability']);
  });

  it('lets an optional text be cleared with null', () => {
    expect(sessionSchema.safeParse(aSession(newId(), { notes: null })).success).toBe(true);
  });
});

describe('process schema', () => {
  it('needs at least one well-formed unit key', () => {
    expect(entities.process.schema.safeParse(aProcess()).success).toBe(true);
    expect(entities.process.schema.safeParse(aProcess({ unitKeys: [] })).success).toBe(false);
    expect(entities.process.schema.safeParse(aProcess({ unitKeys: ['Aculco'] })).success).toBe(false);
  });
});
