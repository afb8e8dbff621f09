import { newMinutes, paragraphNumbers } from './minutes';
import { renderMinutes } from './render';
import { BUILT_IN_TEMPLATES, customise, inLanguage, labelOf, resetLabels, restoreTemplate, switchTemplate, templateFor, templatesOf, withLabel } from './templates';

const protokoll = BUILT_IN_TEMPLATES.find((t) => t.id === 'protokoll-sv')!;
const anteckningar = BUILT_IN_TEMPLATES.find((t) => t.id === 'minnesanteckningar-sv')!;

describe('templates', () => {
  it('come as the groups write: informal notes and formal minutes, in Swedish and English', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual(['minnesanteckningar-sv', 'minnesanteckningar-en', 'protokoll-sv', 'protokoll-en']);
    expect(labelOf(anteckningar, 'actions')).toBe('Fram till kommande möte');
    expect(labelOf(anteckningar, 'recordedBy')).toBe('Minnesanteckningar förda av');
    expect(labelOf(anteckningar, 'approvedBy')).toBe('Justerat av');
    expect(protokoll.numberedParagraphs).toBe(true);
    expect(labelOf(protokoll, 'adjusters')).toBe('Utses att justera');
    expect(labelOf(protokoll, 'recordedBy')).toBe('Vid protokollet');
    expect(labelOf(protokoll, 'approvedBy')).toBe('Justeras');
  });

  it('every template has the same fields and sections, so switching loses nothing', () => {
    const shape = (t: (typeof BUILT_IN_TEMPLATES)[number]) => [t.header.map((f) => f.id).sort(), t.sections.map((f) => f.id).sort()];
    for (const t of BUILT_IN_TEMPLATES) expect(shape(t)).toEqual(shape(anteckningar));
  });

  it('a group renames and hides fields and sections in its own copy', () => {
    const own = customise(anteckningar, { id: 'ng-1', name: 'Våra anteckningar', rename: { actions: 'Att göra' }, hide: ['compiledBy'], show: ['chair'] });
    expect(labelOf(own, 'actions')).toBe('Att göra');
    expect(labelOf(own, 'compiledBy')).toBeUndefined();
    expect(labelOf(own, 'chair')).toBe('Ordförande');
    expect(templateFor('ng-1', [own], 'sv')).toBe(own);
    expect(labelOf(anteckningar, 'actions')).toBe('Fram till kommande möte');
  });

  it('falls back to the informal template of the language for an unknown id', () => {
    expect(templateFor('constructor', [], 'en').id).toBe('minnesanteckningar-en');
  });

  it('reads a group template from settings field by field, filling in what is missing', () => {
    const raw = { id: 'ng', name: 'Styrgruppens protokoll', language: 'sv', numberedParagraphs: true, sections: [{ id: 'actions', label: 'Uppdrag till nästa gång' }, { id: '__proto__', label: 'x' }, { id: 'actions', label: 'dubbel' }], header: 'nope' };
    const t = restoreTemplate(raw)!;
    expect(labelOf(t, 'actions')).toBe('Uppdrag till nästa gång');
    expect(t.sections.map((s) => s.id).sort()).toEqual(protokoll.sections.map((s) => s.id).sort());
    expect(t.header).toEqual(protokoll.header);
    expect(restoreTemplate('Protokoll')).toBeUndefined();
  });

  describe('switching the template of open minutes', () => {
    const minutes = () =>
      newMinutes({
        meeting: { eventId: 'e1', subject: 'Styrgruppen', start: '2026-03-06T07:00:00Z', end: '2026-03-06T08:00:00Z', timeZone: 'Europe/Stockholm', place: 'Rum 1' },
        templateId: 'minnesanteckningar-sv',
        language: 'sv',
        agenda: [{ title: 'Budget', subPoints: [] }, { title: 'Övrigt', subPoints: [] }],
        firstParagraph: 12,
        newId: (() => {
          let n = 0;
          return () => `id${++n}`;
        })(),
        now: new Date('2026-03-06T09:00:00Z'),
      });
    const none = { present: [], guests: [], excused: [], absent: [] };

    it('to Protokoll in English: labels, language and § numbers change, the content does not', () => {
      const before = minutes();
      const english = inLanguage(protokoll, 'en', []);
      const after = switchTemplate(before, english);
      expect(after).toMatchObject({ templateId: 'protokoll-en', language: 'en' });
      expect(after.agenda).toBe(before.agenda);
      const doc = renderMinutes(after, english, none);
      const agenda = doc.sections.find((s) => s.kind === 'agenda');
      expect(agenda?.label).toBe('Items');
      expect(agenda && 'items' in agenda ? agenda.items.map((i) => i.heading) : []).toEqual(['§ 12 Budget', '§ 13 Övrigt']);
    });

    it('back to the informal notes: no § numbers, and the first § kept for a switch back', () => {
      const back = switchTemplate(switchTemplate(minutes(), protokoll), anteckningar);
      expect(back.templateId).toBe('minnesanteckningar-sv');
      const agenda = renderMinutes(back, anteckningar, none).sections.find((s) => s.kind === 'agenda');
      expect(agenda && 'items' in agenda ? agenda.items.map((i) => i.heading) : []).toEqual(['Budget', 'Övrigt']);
      expect(paragraphNumbers(back).get(back.agenda[0]!.id)).toBe(12);
    });

    it('to the same template changes nothing', () => {
      const m = minutes();
      expect(switchTemplate(m, anteckningar)).toBe(m);
    });

    it("another language keeps the kind, and prefers the group's own copy", () => {
      const own = withLabel(BUILT_IN_TEMPLATES.find((t) => t.id === 'protokoll-en')!, 'agenda', { label: 'Matters' });
      expect(inLanguage(protokoll, 'en', [own])).toBe(own);
      expect(inLanguage(anteckningar, 'en', [own]).id).toBe('minnesanteckningar-en');
      expect(inLanguage(anteckningar, 'sv', [])).toBe(anteckningar);
      expect(templatesOf([own]).map((t) => t.id)).toEqual(['protokoll-en', 'minnesanteckningar-sv', 'minnesanteckningar-en', 'protokoll-sv']);
    });
  });

  it("a group's copy renames and hides one field at a time, keeps its id, and resets to the built-in names", () => {
    const renamed = withLabel(withLabel(anteckningar, 'agenda', { label: 'Punkter' }), 'followUp', { show: false });
    expect(renamed.id).toBe('minnesanteckningar-sv');
    expect(labelOf(renamed, 'agenda')).toBe('Punkter');
    expect(labelOf(renamed, 'followUp')).toBeUndefined();
    expect(labelOf(withLabel(renamed, 'followUp', { show: true }), 'followUp')).toBe('Uppföljning från föregående möte');
    // An empty name is no name: the label stays.
    expect(labelOf(withLabel(renamed, 'agenda', { label: '  ' }), 'agenda')).toBe('Punkter');
    const reset = resetLabels({ ...renamed, name: 'Våra anteckningar' });
    expect(reset).toEqual({ ...anteckningar, name: 'Våra anteckningar' });
  });
});
