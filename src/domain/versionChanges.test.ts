import { agendaItem, type Minutes } from './minutes';
import { sampleMinutes } from './minutesFixtures';
import { renderMinutes, type DocumentAttendance } from './render';
import { BUILT_IN_TEMPLATES, type Template } from './templates';
import { versionChanges } from './versionChanges';

const template = (id: string): Template => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;
const attendance: DocumentAttendance = {
  present: [{ name: 'Karin Ekström', role: 'chair' }, { name: 'Olof Bergström', organisation: 'Ekby kommun' }],
  guests: [],
  excused: [{ name: 'Maja Holm' }],
  absent: [],
};
const doc = (m: Minutes, t = 'minnesanteckningar-sv', a = attendance) => renderMinutes(m, template(t), a);
const base = sampleMinutes();
const edit = (f: (m: Minutes) => Minutes) => f(structuredClone(base));

describe('what changed since a version the chair saw', () => {
  it('nothing, for the same minutes', () => {
    expect(versionChanges(doc(base), doc(base))).toEqual([]);
  });

  it('an item whose decision or notes changed, by its heading', () => {
    const changed = edit((m) => ({ ...m, agenda: [{ ...m.agenda[0]!, decisions: [{ id: 'd1', text: 'Dagordningen godkänns med ett tillägg.' }] }, m.agenda[1]!] }));
    expect(versionChanges(doc(base), doc(changed))).toEqual([{ kind: 'item-changed', id: 'i1', heading: 'Inledning' }]);
  });

  it('items added and removed; the others, still in their order, unchanged', () => {
    const changed = edit((m) => ({ ...m, agenda: [m.agenda[1]!, agendaItem('i3', { title: 'Övriga frågor' })] }));
    expect(versionChanges(doc(base), doc(changed))).toEqual([
      { kind: 'item-added', id: 'i3', heading: 'Övriga frågor' },
      { kind: 'item-removed', id: 'i1', heading: 'Inledning' },
    ]);
  });

  it('items that changed places', () => {
    const swapped = edit((m) => ({ ...m, agenda: [m.agenda[1]!, m.agenda[0]!] }));
    expect(versionChanges(doc(base), doc(swapped)).map((c) => c.kind === 'item-moved' && c.heading)).toEqual(['Ekonomisk uppföljning', 'Inledning']);
  });

  it('in numbered minutes, a renumbered paragraph is not a change; its neighbour removed is', () => {
    const numbered = edit((m) => ({ ...m, templateId: 'protokoll-sv', firstParagraph: 12 }));
    const fewer = { ...numbered, agenda: [numbered.agenda[1]!] };
    expect(versionChanges(doc(numbered, 'protokoll-sv'), doc(fewer, 'protokoll-sv'))).toEqual([{ kind: 'item-removed', id: 'i1', heading: '§ 12 Inledning' }]);
  });

  it('the attendance lists, by the header field that prints them', () => {
    const moved = { ...attendance, present: attendance.present.slice(0, 1), absent: [{ name: 'Olof Bergström', organisation: 'Ekby kommun' }] };
    expect(versionChanges(doc(base), doc(base, 'minnesanteckningar-sv', moved)).map((c) => c.kind === 'header' && c.label)).toEqual(['Deltagare', 'Ej närvarande']);
  });

  it('the next meeting, by the section the template names', () => {
    const changed = edit((m) => ({ ...m, nextMeeting: { text: 'Fredag 18/12 kl. 08–09 via Teams' } }));
    expect(versionChanges(doc(base), doc(changed))).toEqual([{ kind: 'section', label: 'Nästa möte' }]);
  });
});
