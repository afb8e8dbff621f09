// Templates are data in the group's settings, not code: which header fields and sections the
// minutes show, what each is called, and whether paragraphs are numbered (§1, §2, ...). Two come
// built in, in Swedish and English, from the groups' own documents (shared/examples):
// "Minnesanteckningar" (informal) and "Protokoll" (formal). A group renames or hides fields and
// sections by keeping its own copy.

export type Language = 'sv' | 'en';

export type HeaderFieldId = 'date' | 'time' | 'place' | 'present' | 'absent' | 'guests' | 'chair' | 'secretary' | 'compiledBy' | 'adjusters' | 'approval';
export type SectionId = 'agenda' | 'decisions' | 'actions' | 'followUp' | 'nextMeeting' | 'recordedBy' | 'approvedBy';

export interface TemplateField<Id extends string> {
  id: Id;
  label: string;
  show: boolean;
}

export interface Template {
  id: string;
  name: string;
  language: Language;
  /** Numbered paragraphs that continue across the group's year ("Protokoll"). */
  numberedParagraphs: boolean;
  header: TemplateField<HeaderFieldId>[];
  sections: TemplateField<SectionId>[];
}

const field = <Id extends string>(id: Id, label: string, show = true): TemplateField<Id> => ({ id, label, show });

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: 'minnesanteckningar-sv',
    name: 'Minnesanteckningar',
    language: 'sv',
    numberedParagraphs: false,
    header: [
      field('date', 'Datum'),
      field('time', 'Tid'),
      field('place', 'Plats'),
      field('present', 'Deltagare'),
      field('guests', 'Övriga närvarande'),
      field('absent', 'Ej närvarande'),
      field('compiledBy', 'Sammanställande'),
      field('secretary', 'Sekreterare'),
      field('chair', 'Ordförande', false),
      field('adjusters', 'Justerare', false),
      field('approval', 'Justerat av'),
    ],
    sections: [
      field('agenda', 'Dagordning'),
      field('decisions', 'Beslut'),
      field('followUp', 'Uppföljning från föregående möte'),
      field('actions', 'Fram till kommande möte'),
      field('nextMeeting', 'Nästa möte'),
      field('recordedBy', 'Minnesanteckningar förda av'),
      field('approvedBy', 'Justerat av'),
    ],
  },
  {
    id: 'minnesanteckningar-en',
    name: 'Meeting notes',
    language: 'en',
    numberedParagraphs: false,
    header: [
      field('date', 'Date'),
      field('time', 'Time'),
      field('place', 'Place'),
      field('present', 'Present'),
      field('guests', 'Also present'),
      field('absent', 'Absent'),
      field('compiledBy', 'Compiled by'),
      field('secretary', 'Secretary'),
      field('chair', 'Chair', false),
      field('adjusters', 'Adjusters', false),
      field('approval', 'Approved by'),
    ],
    sections: [
      field('agenda', 'Agenda'),
      field('decisions', 'Decision'),
      field('followUp', 'Follow-up from the previous meeting'),
      field('actions', 'Until the next meeting'),
      field('nextMeeting', 'Next meeting'),
      field('recordedBy', 'Notes taken by'),
      field('approvedBy', 'Approved by'),
    ],
  },
  {
    id: 'protokoll-sv',
    name: 'Protokoll',
    language: 'sv',
    numberedParagraphs: true,
    header: [
      field('date', 'Sammanträdesdatum'),
      field('time', 'Tid och plats'),
      field('place', 'Plats', false),
      field('present', 'Beslutande/ledamöter'),
      field('guests', 'Övriga närvarande'),
      field('absent', 'Frånvarande'),
      field('chair', 'Ordförande'),
      field('secretary', 'Sekreterare'),
      field('compiledBy', 'Sammanställande', false),
      field('adjusters', 'Utses att justera'),
      field('approval', 'Justeras'),
    ],
    sections: [
      field('agenda', 'Ärenden'),
      field('decisions', 'Beslut'),
      field('followUp', 'Uppföljning av uppdrag'),
      field('actions', 'Uppdrag'),
      field('nextMeeting', 'Nästa sammanträde'),
      field('recordedBy', 'Vid protokollet'),
      field('approvedBy', 'Justeras'),
    ],
  },
  {
    id: 'protokoll-en',
    name: 'Formal minutes',
    language: 'en',
    numberedParagraphs: true,
    header: [
      field('date', 'Date of meeting'),
      field('time', 'Time and place'),
      field('place', 'Place', false),
      field('present', 'Members present'),
      field('guests', 'Also present'),
      field('absent', 'Absent'),
      field('chair', 'Chair'),
      field('secretary', 'Secretary'),
      field('compiledBy', 'Compiled by', false),
      field('adjusters', 'Appointed to approve the minutes'),
      field('approval', 'Approved'),
    ],
    sections: [
      field('agenda', 'Items'),
      field('decisions', 'Decision'),
      field('followUp', 'Follow-up of assignments'),
      field('actions', 'Assignments'),
      field('nextMeeting', 'Next meeting'),
      field('recordedBy', 'Minutes taken by'),
      field('approvedBy', 'Approved'),
    ],
  },
];

const HEADER_IDS = new Set<string>(BUILT_IN_TEMPLATES[0]!.header.map((f) => f.id));
const SECTION_IDS = new Set<string>(BUILT_IN_TEMPLATES[0]!.sections.map((f) => f.id));

/** The template the minutes name: the group's own first, then the built-in ones, else the default for the language. */
export function templateFor(id: string | undefined, groupTemplates: readonly Template[], language: Language): Template {
  return templatesOf(groupTemplates).find((t) => t.id === id) ?? BUILT_IN_TEMPLATES.find((t) => t.language === language && !t.numberedParagraphs)!;
}

/** A renamed or hidden field or section: the group's copy of a template, with a new id. */
export function customise(
  template: Template,
  change: { id: string; name?: string; rename?: Partial<Record<HeaderFieldId | SectionId, string>>; hide?: readonly (HeaderFieldId | SectionId)[]; show?: readonly (HeaderFieldId | SectionId)[] },
): Template {
  const renamed = new Map(Object.entries(change.rename ?? {}));
  const apply = <Id extends string>(f: TemplateField<Id>): TemplateField<Id> => ({
    id: f.id,
    label: renamed.get(f.id)?.trim() || f.label,
    show: change.hide?.includes(f.id as HeaderFieldId) ? false : change.show?.includes(f.id as HeaderFieldId) ? true : f.show,
  });
  return { ...template, id: change.id, name: change.name ?? template.name, header: template.header.map(apply), sections: template.sections.map(apply) };
}

/** The label of a header field or section, or undefined when the template hides it. */
export function labelOf(template: Template, id: HeaderFieldId | SectionId): string | undefined {
  const f = [...template.header, ...template.sections].find((x) => x.id === id);
  return f?.show ? f.label : undefined;
}

/**
 * A template read from a settings file, checked field by field: unknown fields and sections are
 * dropped, missing ones come back from the built-in template of the same kind, labels are text.
 * Undefined when it is not a template at all.
 */
export function restoreTemplate(raw: unknown): Template | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id || typeof r.name !== 'string') return undefined;
  const language: Language = r.language === 'en' ? 'en' : 'sv';
  const numbered = r.numberedParagraphs === true;
  const model = BUILT_IN_TEMPLATES.find((t) => t.language === language && t.numberedParagraphs === numbered)!;
  const fields = <Id extends string>(value: unknown, known: Set<string>, fallback: readonly TemplateField<Id>[]): TemplateField<Id>[] => {
    const given = new Map<string, TemplateField<Id>>();
    for (const f of Array.isArray(value) ? value : []) {
      const x = f as Record<string, unknown> | null;
      if (!x || typeof x.id !== 'string' || !known.has(x.id) || given.has(x.id)) continue;
      const base = fallback.find((b) => b.id === x.id)!;
      given.set(x.id, { id: x.id as Id, label: typeof x.label === 'string' && x.label.trim() ? x.label.slice(0, 200) : base.label, show: typeof x.show === 'boolean' ? x.show : base.show });
    }
    // The group's order, then whatever it left out, as the model has it.
    return [...given.values(), ...fallback.filter((b) => !given.has(b.id))];
  };
  return {
    id: r.id,
    name: r.name.slice(0, 200),
    language,
    numberedParagraphs: numbered,
    header: fields(r.header, HEADER_IDS, model.header),
    sections: fields(r.sections, SECTION_IDS, model.sections),
  };
}

// ---------------------------------------------------------------------------------------------
// Switching the template of open minutes, and a group's own names for fields and sections

/** Every template a group can choose from: its own copies first, then the built-in ones it has no copy of. */
export function templatesOf(groupTemplates: readonly Template[]): Template[] {
  const own = new Set(groupTemplates.map((t) => t.id));
  return [...groupTemplates, ...BUILT_IN_TEMPLATES.filter((t) => !own.has(t.id))];
}

/**
 * The same kind of template (informal or numbered) in another language: the group's own first,
 * then a built-in one. The template itself when it already is in that language.
 */
export function inLanguage(template: Template, language: Language, groupTemplates: readonly Template[]): Template {
  if (template.language === language) return template;
  const all = templatesOf(groupTemplates);
  // A group's copy of a built-in template keeps its id ("protokoll-sv"): its counterpart is the same kind.
  const kind = (t: Template) => t.id.replace(/-(sv|en)$/, '');
  return (
    all.find((t) => t.language === language && kind(t) === kind(template)) ??
    all.find((t) => t.language === language && t.numberedParagraphs === template.numberedParagraphs)!
  );
}

/**
 * Minutes in another template (and with it that template's language): only the template and the
 * language change, never the content, so switching back and forth loses nothing. Numbered
 * paragraphs start at the minutes' first § (1 when the minutes never had one); an informal
 * template just does not show them, and keeps the first § for a switch back.
 */
export function switchTemplate<M extends { templateId: string; language: Language }>(minutes: M, template: Template): M {
  if (minutes.templateId === template.id && minutes.language === template.language) return minutes;
  return { ...minutes, templateId: template.id, language: template.language };
}

/** The built-in template a group's copy came from (same id), for "reset to the built-in names". */
export function builtInOf(template: Template): Template | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === template.id);
}

/** A field's or section's label and whether it shows, changed in a group's template (customise, same id). */
export function withLabel(template: Template, id: HeaderFieldId | SectionId, change: { label?: string; show?: boolean }): Template {
  return customise(template, {
    id: template.id,
    rename: change.label === undefined ? undefined : { [id]: change.label },
    hide: change.show === false ? [id] : undefined,
    show: change.show === true ? [id] : undefined,
  });
}

/** The group's template with the built-in names and choices back (its name and kind stay). */
export function resetLabels(template: Template): Template {
  const model = builtInOf(template) ?? BUILT_IN_TEMPLATES.find((t) => t.language === template.language && t.numberedParagraphs === template.numberedParagraphs)!;
  return { ...template, header: model.header.map((f) => ({ ...f })), sections: model.sections.map((f) => ({ ...f })) };
}
