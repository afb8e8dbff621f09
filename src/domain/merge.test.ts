import fc from 'fast-check';
import { mergeMinutes, settleConflict } from './merge';
import type { AgendaItem, Minutes } from './minutes';
import { sampleMinutes } from './minutesFixtures';

const base = sampleMinutes();
const item = (m: Minutes, id: string) => m.agenda.find((i) => i.id === id)!;
const withItem = (m: Minutes, id: string, change: (i: AgendaItem) => AgendaItem): Minutes => ({ ...m, agenda: m.agenda.map((i) => (i.id === id ? change(i) : i)) });

describe('merging two copies of the minutes against their common base', () => {
  it('keeps both sides\' edits to different agenda items', () => {
    const ours = withItem(base, 'i1', (i) => ({ ...i, title: 'Inledning och föregående minnesanteckningar' }));
    const theirs = withItem(base, 'i2', (i) => ({ ...i, decisions: [{ id: 'd2', text: 'Budgeten fastställs.' }] }));
    const merged = mergeMinutes(base, ours, theirs);
    expect(item(merged, 'i1').title).toBe('Inledning och föregående minnesanteckningar');
    expect(item(merged, 'i2').decisions).toEqual([{ id: 'd2', text: 'Budgeten fastställs.' }]);
    expect(merged.conflicts).toEqual([]);
  });

  it('keeps items both sides added, each where it was added', () => {
    const ours = { ...base, agenda: [...base.agenda, { ...item(base, 'i1'), id: 'ours', title: 'Övriga frågor' }] };
    const theirs = { ...base, agenda: [base.agenda[0]!, { ...item(base, 'i1'), id: 'theirs', title: 'Länskonferensen' }, base.agenda[1]!] };
    expect(mergeMinutes(base, ours, theirs).agenda.map((i) => i.id)).toEqual(['i1', 'theirs', 'i2', 'ours']);
  });

  it('keeps both versions of a text both sides changed, ours in place and both in conflicts', () => {
    const ours = withItem(base, 'i1', (i) => ({ ...i, decisions: [{ id: 'd1', text: 'Dagordningen godkänns med tillägg.' }] }));
    const theirs = withItem(base, 'i1', (i) => ({ ...i, decisions: [{ id: 'd1', text: 'Dagordningen godkänns utan ändringar.' }] }));
    const merged = mergeMinutes(base, ours, theirs);
    expect(item(merged, 'i1').decisions[0]!.text).toBe('Dagordningen godkänns med tillägg.');
    expect(merged.conflicts).toEqual([
      { path: '/agenda/i1/decisions/d1/text', base: 'Dagordningen godkänns.', ours: 'Dagordningen godkänns med tillägg.', theirs: 'Dagordningen godkänns utan ändringar.' },
    ]);
  });

  it('lets an edit beat a deletion: nobody loses words', () => {
    const ours = { ...base, agenda: base.agenda.filter((i) => i.id !== 'i2') };
    const theirs = withItem(base, 'i2', (i) => ({ ...i, notes: [{ id: 'n1', html: '<p>Ca 2,4 mnkr finns. Fördelningen tas på nästa möte.</p>' }] }));
    expect(item(mergeMinutes(base, ours, theirs), 'i2').notes[0]!.html).toContain('Fördelningen tas på nästa möte');
  });

  it('deletes what one side deleted and the other left alone', () => {
    const ours = { ...base, agenda: base.agenda.filter((i) => i.id !== 'i2') };
    const theirs = withItem(base, 'i1', (i) => ({ ...i, title: 'Välkommen' }));
    expect(mergeMinutes(base, ours, theirs).agenda.map((i) => i.id)).toEqual(['i1']);
  });

  it('merges attendance marks per person', () => {
    const ours = { ...base, attendance: { marks: [{ key: 'id:lars', status: 'present' as const }] } };
    const theirs = { ...base, attendance: { marks: [{ key: 'id:maja', status: 'excused' as const }] } };
    expect(mergeMinutes(base, ours, theirs).attendance.marks).toEqual(
      expect.arrayContaining([
        { key: 'id:lars', status: 'present' },
        { key: 'id:maja', status: 'excused' },
      ]),
    );
  });

  it('takes the later change time', () => {
    const ours = { ...base, updatedAt: '2026-12-04T08:10:00.000Z' };
    const theirs = { ...base, updatedAt: '2026-12-04T08:20:00.000Z' };
    expect(mergeMinutes(base, ours, theirs).updatedAt).toBe('2026-12-04T08:20:00.000Z');
  });

  it('settles a conflict with the text the secretary keeps', () => {
    const ours = withItem(base, 'i1', (i) => ({ ...i, title: 'A' }));
    const theirs = withItem(base, 'i1', (i) => ({ ...i, title: 'B' }));
    const merged = mergeMinutes(base, ours, theirs);
    expect(merged.conflicts).toHaveLength(1);
    const settled = settleConflict(merged, '/agenda/i1/title', 'B');
    expect(item(settled, 'i1').title).toBe('B');
    expect(settled.conflicts).toEqual([]);
  });

  it('keeps what publishing recorded on one side, and the more complete record when both have one', () => {
    const record = (tasks: number) => ({
      version: 'a'.repeat(64),
      publishedAt: `2026-12-02T10:0${tasks}:00.000Z`,
      publishedBy: { key: 'id:u1', displayName: 'Ahmed' },
      document: { id: 'f1', name: 'P.docx', webUrl: 'https://x/f1' },
      message: { id: 'm1' },
      tasks: Array.from({ length: tasks }, (_, i) => ({ actionId: `a${i}`, taskId: `t${i}`, title: 'T', assigneeIds: [] })),
    });
    const edited = withItem(base, 'i2', (i) => ({ ...i, title: 'Ekonomi' }));
    expect(mergeMinutes(base, edited, { ...base, publication: record(2) }).publication).toEqual(record(2));
    expect(mergeMinutes(base, { ...edited, publication: record(3) }, { ...base, publication: record(2) }).publication).toEqual(record(3));
    expect(mergeMinutes(base, edited, base).publication).toBeUndefined();
  });

  it('does not bring back a conflict the other side settled', () => {
    const conflicted = mergeMinutes(base, withItem(base, 'i1', (i) => ({ ...i, title: 'A' })), withItem(base, 'i1', (i) => ({ ...i, title: 'B' })));
    const settledThere = settleConflict(conflicted, '/agenda/i1/title', 'B');
    const editedHere = withItem(conflicted, 'i2', (i) => ({ ...i, title: 'Ekonomi' }));
    const merged = mergeMinutes(conflicted, editedHere, settledThere);
    expect(merged.conflicts).toEqual([]);
    expect(item(merged, 'i1').title).toBe('B');
    expect(item(merged, 'i2').title).toBe('Ekonomi');
    // Settled here, while the other side still has it: settled too.
    expect(mergeMinutes(conflicted, settledThere, editedHere).conflicts).toEqual([]);
  });
});

// Property-based: random edits on both sides of a random base.
const ID = fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5');
const WORDS = fc.string({ minLength: 1, maxLength: 12 });

type Edit = (m: Minutes) => Minutes;
const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(ID, WORDS).map(([id, t]): Edit => (m) => withItem(m, id, (i) => ({ ...i, title: t }))),
  fc.tuple(ID, WORDS).map(([id, t]): Edit => (m) => withItem(m, id, (i) => ({ ...i, notes: [...i.notes, { id: `n-${t}`, html: `<p>${t}</p>` }] }))),
  fc.tuple(ID, WORDS).map(([id, t]): Edit => (m) => withItem(m, id, (i) => ({ ...i, decisions: i.decisions.map((d) => ({ ...d, text: t })) }))),
  fc.tuple(ID, WORDS, WORDS).map(([id, k, t]): Edit => (m) => withItem(m, id, (i) => ({ ...i, actions: [...i.actions.filter((a) => a.id !== `a-${k}`), { id: `a-${k}`, what: t }] }))),
  ID.map((id): Edit => (m) => ({ ...m, agenda: m.agenda.filter((i) => i.id !== id) })),
  fc.tuple(ID, WORDS).map(([id, t]): Edit => (m) => (m.agenda.some((i) => i.id === `${id}-new-${t}`) ? m : { ...m, agenda: [...m.agenda, { id: `${id}-new-${t}`, title: t, subPoints: [], notes: [], decisions: [], actions: [] }] })),
  WORDS.map((t): Edit => (m) => ({ ...m, nextMeeting: { text: t } })),
  fc.tuple(fc.constantFrom('id:a', 'id:b', 'id:c'), fc.constantFrom('present' as const, 'absent' as const, 'excused' as const)).map(
    ([key, status]): Edit => (m) => ({ ...m, attendance: { marks: [...m.attendance.marks.filter((x) => x.key !== key), { key, status }] } }),
  ),
);
const changed = (m: Minutes) => fc.array(edits, { maxLength: 6 }).map((es) => es.reduce((acc, e) => e(acc), m));

const baseArb: fc.Arbitrary<Minutes> = fc
  .array(fc.tuple(ID, WORDS, WORDS), { maxLength: 5 })
  .map((items) => {
    const unique = [...new Map(items.map(([id, title, text]) => [id, { id, title, text }])).values()];
    return sampleMinutes({
      agenda: unique.map(({ id, title, text }) => ({ id, title, subPoints: [], notes: [{ id: `n-${id}`, html: text }], decisions: [{ id: `d-${id}`, text }], actions: [] })),
    });
  });

/** Every piece of text a person wrote, by where it sits. */
function texts(m: Minutes): Set<string> {
  const out = new Set<string>([`next|-|${m.nextMeeting.text}`]);
  for (const i of m.agenda) {
    out.add(`title|${i.id}|${i.title}`);
    for (const n of i.notes) out.add(`note|${n.id}|${n.html}`);
    for (const d of i.decisions) out.add(`decision|${d.id}|${d.text}`);
    for (const a of i.actions) out.add(`action|${a.id}|${a.what}`);
  }
  for (const mk of m.attendance.marks) out.add(`mark|${mk.key}|${mk.status}`);
  return out;
}

describe('merging, for any edits on either side', () => {
  it('merging a change with itself changes nothing', () => {
    fc.assert(
      fc.property(baseArb.chain((b) => fc.tuple(fc.constant(b), changed(b))), ([b, x]) => {
        expect(mergeMinutes(b, x, x)).toEqual(x);
      }),
    );
  });

  it('a side that changed nothing takes the other side as it is', () => {
    fc.assert(
      fc.property(baseArb.chain((b) => fc.tuple(fc.constant(b), changed(b))), ([b, x]) => {
        expect(mergeMinutes(b, b, x)).toEqual({ ...x, updatedAt: x.updatedAt });
        expect(mergeMinutes(b, x, b)).toEqual(x);
      }),
    );
  });

  it('never loses text either side wrote: it is in the minutes or in a conflict', () => {
    fc.assert(
      fc.property(baseArb.chain((b) => fc.tuple(fc.constant(b), changed(b), changed(b))), ([b, ours, theirs]) => {
        const merged = mergeMinutes(b, ours, theirs);
        const kept = texts(merged);
        const inConflicts = merged.conflicts.flatMap((c) => [c.ours, c.theirs]);
        const before = texts(b);
        for (const t of [...texts(ours), ...texts(theirs)]) {
          if (before.has(t)) continue; // unchanged text may be deleted by the other side
          const value = t.split('|').slice(2).join('|');
          const found = kept.has(t) || inConflicts.includes(value) || inConflicts.some((c) => c.includes(JSON.stringify(value).slice(1, -1)));
          expect({ text: t, found }).toEqual({ text: t, found: true });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every item either side added', () => {
    fc.assert(
      fc.property(baseArb.chain((b) => fc.tuple(fc.constant(b), changed(b), changed(b))), ([b, ours, theirs]) => {
        const merged = new Set(mergeMinutes(b, ours, theirs).agenda.map((i) => i.id));
        const baseIds = new Set(b.agenda.map((i) => i.id));
        for (const i of [...ours.agenda, ...theirs.agenda]) if (!baseIds.has(i.id)) expect(merged.has(i.id)).toBe(true);
      }),
    );
  });
});
