import { BUILT_IN_TEMPLATES, customise, labelOf, restoreTemplate, templateFor } from './templates';

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
});
