import { MINUTES_SCHEMA_VERSION } from './minutes';
import { sampleMinutes } from './minutesFixtures';
import { restoreMinutes } from './restoreMinutes';

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('reading a minutes file', () => {
  it('reads back exactly what was written', () => {
    const minutes = sampleMinutes();
    expect(restoreMinutes(roundTrip(minutes))).toEqual({ ok: true, minutes: roundTrip(minutes), repairs: [] });
  });

  it('reads back what publishing recorded, and drops a record missing its file or message, saying so', () => {
    const publication = {
      version: 'a'.repeat(64),
      publishedAt: '2026-12-02T10:00:00.000Z',
      publishedBy: { key: 'id:u1', displayName: 'Ahmed' },
      document: { id: 'f1', name: 'Protokoll.docx', webUrl: 'https://x/f1' },
      message: { id: 'm1' },
      planId: 'p1',
      bucket: { id: 'b1', name: '2026-12-02' },
      tasks: [{ actionId: 'a1', taskId: 't1', title: 'Skicka', assigneeIds: [], unassigned: 'guest' as const }],
    };
    const withRecord = { ...sampleMinutes(), publication };
    expect(restoreMinutes(roundTrip(withRecord))).toEqual({ ok: true, minutes: roundTrip(withRecord), repairs: [] });
    const broken = restoreMinutes({ ...roundTrip(withRecord), publication: { ...publication, message: undefined } });
    expect(broken).toMatchObject({ ok: true, repairs: ['publication could not be read'] });
    expect(broken.ok && broken.minutes.publication).toBeUndefined();
  });

  it('refuses what is not minutes, with a reason', () => {
    expect(restoreMinutes(null)).toEqual({ ok: false, reason: 'not-minutes' });
    expect(restoreMinutes([1, 2])).toEqual({ ok: false, reason: 'not-minutes' });
    expect(restoreMinutes({ hello: 'world' })).toEqual({ ok: false, reason: 'not-minutes' });
  });

  it('refuses a file written by a newer Justera, naming its version', () => {
    expect(restoreMinutes({ ...roundTrip(sampleMinutes()), schemaVersion: MINUTES_SCHEMA_VERSION + 1 })).toEqual({ ok: false, reason: 'newer-version', version: 2 });
  });

  it('refuses a file with no schema version', () => {
    const { schemaVersion: _v, ...rest } = roundTrip(sampleMinutes());
    expect(restoreMinutes(rest)).toMatchObject({ ok: false, reason: 'not-minutes' });
  });

  it('repairs what it can, field by field, and says what it repaired', () => {
    const raw = roundTrip(sampleMinutes());
    const agenda = raw.agenda as Record<string, unknown>[];
    agenda.push(agenda[0]!); // a repeated id
    agenda.push('not an item' as never);
    (agenda[1] as Record<string, unknown>).decisions = 'oops';
    ((agenda[1] as Record<string, unknown>).actions as Record<string, unknown>[])[0]!.due = 'next friday';
    raw.followUp = undefined;
    const result = restoreMinutes(raw);
    if (!result.ok) throw new Error('expected minutes');
    expect(result.minutes.agenda.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(result.minutes.agenda[1]!.decisions).toEqual([]);
    expect(result.minutes.agenda[1]!.actions[0]!.due).toBeUndefined();
    expect(result.minutes.agenda[1]!.actions[0]!.what).toBe('Skicka underlaget');
    expect(result.minutes.followUp).toEqual([]);
    expect(result.repairs).toEqual(['agenda[1].decisions is not a list', 'agenda[1].actions[0].due is not a date', 'agenda[2] repeats i1', 'agenda[3] is not an object']);
  });

  it('keeps hostile text as text, and never takes an inherited member for a field', () => {
    const raw = roundTrip(sampleMinutes());
    (raw.agenda as Record<string, unknown>[])[0]!.title = '<script>window.__pwned=1</script>';
    raw.language = 'constructor';
    raw.templateId = { toString: 1 };
    const result = restoreMinutes(JSON.parse(JSON.stringify(raw).replace('"meeting"', '"__proto__":{"polluted":true},"meeting"')));
    if (!result.ok) throw new Error('expected minutes');
    expect(result.minutes.agenda[0]!.title).toBe('<script>window.__pwned=1</script>');
    expect(result.minutes.language).toBe('sv');
    expect(result.minutes.templateId).toBe('minnesanteckningar-sv');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
