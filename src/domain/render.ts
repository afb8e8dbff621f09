// The minutes as a document: what the preview shows and the .docx holds, laid out by the template
// (its labels, its order, what it hides) the way the groups' own documents read (shared/examples):
// a title, the header fields, the agenda items ("§ 47" in formal minutes) with notes, decisions and
// actions, the follow-up, the next meeting, who kept the minutes and who approves them. Pure: both
// writers (MinutesPreview.tsx, docx.ts) only lay this model out, so they cannot disagree.
//
// Notes stay the stored, untrusted HTML here: the writers sanitize them (DOMPurify) where a DOM is.
// Every other value is plain text from outside, for the writers to print as text.

import { applyHandMarks, groupAttendance, sortEntries, withChair, type Attendance, type AttendanceGroups, type AttendanceRole } from './attendance';
import type { FollowUpState, Minutes, PersonRef } from './minutes';
import type { Person } from './people';
import { paragraphNumbers } from './minutes';
import type { Approval } from './signOffState';
import { labelOf, type HeaderFieldId, type Language, type Template } from './templates';

/** A person as the document prints them: name, and what follows it in the attendance lists. */
export interface DocumentPerson {
  name: string;
  organisation?: string;
  role?: AttendanceRole;
}

/** groupAttendance's lists, reduced to what is printed. */
export interface DocumentAttendance {
  present: readonly DocumentPerson[];
  guests: readonly DocumentPerson[];
  excused: readonly DocumentPerson[];
  absent: readonly DocumentPerson[];
}

export interface HeaderField {
  id: HeaderFieldId;
  label: string;
  value: string;
}

export interface DocumentNotes {
  /** The breakout group ("Grupp 1"), with its scribe ("antecknat av Anna Berg"). */
  group?: string;
  scribe?: string;
  /** Untrusted HTML, as stored: sanitized by the writer. */
  html: string;
}

export interface DocumentAction {
  what: string;
  owner?: string;
  /** Formatted in the minutes' language. */
  due?: string;
  /** The whole line: "Skicka underlaget (Sara Lind, senast 2026-12-11)". */
  text: string;
}

export interface DocumentItem {
  id: string;
  /** "§ 47" in templates with numbered paragraphs. */
  number?: string;
  /** "kl. 08:00–08:30" */
  time?: string;
  title: string;
  presenter?: string;
  /** What the writers print as the item's heading: "§ 47 Title (Presenter)". */
  heading: string;
  subPoints: string[];
  notes: DocumentNotes[];
  /** "Beslut": one line per decision, printed "Beslut: text". Empty when the template hides decisions. */
  decisionsLabel: string;
  decisions: string[];
  /**
   * Actions printed with the item ("Uppdrag: ..."), in templates with numbered paragraphs. The
   * informal minutes gather them after the agenda instead ("Fram till kommande möte"), as the
   * groups write them, so there they are in that section and not here.
   */
  actionsLabel: string;
  actions: DocumentAction[];
}

export interface FollowUpEntry {
  what: string;
  owner?: string;
  due?: string;
  state: FollowUpState;
  /** "Klar" */
  stateLabel: string;
  comment?: string;
  /** The whole line: "Skicka underlaget (Sara Lind, senast 2026-12-11): Klar. Kommentar" */
  text: string;
}

export interface Signer {
  name: string;
  /** "ordförande", "justerare" */
  role?: string;
  /** When they approved, in the minutes' language and the meeting's zone ("2026-12-03 14:02"): only in an approved version. */
  approvedAt?: string;
}

export type DocumentSection =
  | { kind: 'agenda'; label: string; items: DocumentItem[] }
  | { kind: 'actions'; label: string; actions: DocumentAction[] }
  | { kind: 'followUp'; label: string; entries: FollowUpEntry[] }
  | { kind: 'nextMeeting'; label: string; text: string }
  | { kind: 'recordedBy'; label: string; names: string[] }
  /** Each with a line to sign; once the version is approved, who approved it and when (`approved`). */
  | { kind: 'approvedBy'; label: string; signers: Signer[]; approved?: boolean };

export interface MinutesDocument {
  language: Language;
  /** For the document's language and Intl: "sv-SE", "en-GB". */
  locale: string;
  /** The first heading: "Samordningsgrupp Nära vård, minnesanteckningar 2025-10-03", or "Protokoll". */
  title: string;
  /** Formal minutes: the group under the title. */
  subtitle?: string;
  header: HeaderField[];
  sections: DocumentSection[];
  /** For the file's properties: title, subject, creator. */
  properties: { title: string; subject: string; creator: string };
  /** "2025-10-03 Samordningsgrupp Nära vård.docx", safe on every file system. */
  fileName: string;
}

export interface RenderOptions {
  language?: Language;
  /**
   * Who approved this version and when (signOffState.ts approvalsOf), for "Justerat av". Never part
   * of the document whose hash is the version: approving it would change what was approved.
   */
  approvals?: readonly Approval[];
}

/** The words a template does not name, per language: data, like the templates' labels. */
const WORDS = {
  sv: {
    locale: 'sv-SE',
    at: 'kl. ',
    due: 'senast',
    none: '–',
    scribe: 'antecknat av',
    excused: 'anmält förhinder',
    untitled: 'Namnlös punkt',
    roles: new Map<string, string>([
      ['chair', 'ordförande'],
      ['secretary', 'sekreterare'],
      ['adjuster', 'justerare'],
    ]),
    states: new Map<FollowUpState, string>([
      ['open', 'Öppen'],
      ['done', 'Klar'],
      ['carried', 'Fortsätter'],
      ['dropped', 'Stryks'],
    ]),
    fileFallback: 'Minnesanteckningar',
  },
  en: {
    locale: 'en-GB',
    at: '',
    due: 'due',
    none: '–',
    scribe: 'notes by',
    excused: 'sent apologies',
    untitled: 'Untitled item',
    roles: new Map<string, string>([
      ['chair', 'chair'],
      ['secretary', 'secretary'],
      ['adjuster', 'adjuster'],
    ]),
    states: new Map<FollowUpState, string>([
      ['open', 'Open'],
      ['done', 'Done'],
      ['carried', 'Carried on'],
      ['dropped', 'Dropped'],
    ]),
    fileFallback: 'Minutes',
  },
} as const;

type Words = (typeof WORDS)[Language];

/** Intl that never throws: a zone Intl rejects falls back to UTC, an unreadable instant gives undefined. */
function format(locale: string, options: Intl.DateTimeFormatOptions, iso: string): string | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
}

/** "2025-10-03" in Swedish, "3 October 2025" in English: a day as the minutes print it. */
function dayOptions(language: Language): Intl.DateTimeFormatOptions {
  return language === 'sv' ? { year: 'numeric', month: '2-digit', day: '2-digit' } : { year: 'numeric', month: 'long', day: 'numeric' };
}

function meetingDate(iso: string, timeZone: string, language: Language): string | undefined {
  return format(WORDS[language].locale, { ...dayOptions(language), timeZone }, iso);
}

/** A calendar date (YYYY-MM-DD, no zone: a due date) in the minutes' language. */
function calendarDate(date: string | undefined, language: Language): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return format(WORDS[language].locale, { ...dayOptions(language), timeZone: 'UTC' }, `${m[1]}-${m[2]}-${m[3]}T12:00:00Z`) ?? date;
}

function clock(iso: string, timeZone: string, language: Language): string | undefined {
  return format(WORDS[language].locale, { hour: '2-digit', minute: '2-digit', timeZone }, iso);
}

/** "kl. 08:00–09:00" (the agenda's "09:00" times are already in the meeting's zone). */
function timeRange(start: string | undefined, end: string | undefined, words: Words): string | undefined {
  if (!start) return undefined;
  return `${words.at}${end ? `${start}–${end}` : start}`;
}

function personLine(p: DocumentPerson, words: Words, extra?: string): string {
  const notes = [p.role === 'chair' || p.role === 'secretary' ? words.roles.get(p.role) : undefined, p.organisation?.trim() || undefined, extra].filter(Boolean);
  return notes.length ? `${p.name} (${notes.join(', ')})` : p.name;
}

function list(values: readonly string[], words: Words): string {
  return values.length ? values.join(', ') : words.none;
}

function actionOf(a: { what: string; owner?: PersonRef; due?: string }, words: Words, language: Language): DocumentAction {
  const owner = a.owner?.displayName;
  const due = calendarDate(a.due, language);
  const after = [owner, due ? `${words.due} ${due}` : undefined].filter(Boolean).join(', ');
  return { what: a.what, owner, due, text: after ? `${a.what} (${after})` : a.what };
}

/** The lists groupAttendance makes, as the document prints them. */
export function documentAttendance(groups: Pick<AttendanceGroups, 'present' | 'guests' | 'excused' | 'absent'>): DocumentAttendance {
  const people = (entries: AttendanceGroups['present']) =>
    entries.map((e) => ({ name: e.person.displayName, organisation: e.person.organisation, role: e.role }));
  return { present: people(groups.present), guests: people(groups.guests), excused: people(groups.excused), absent: people(groups.absent) };
}

/** What the meeting's prefill knows of who was there, before the minutes' own marks. */
export interface PrefilledAttendance {
  attendance: Attendance;
  /** The chair suggested by the prefill, when the minutes name none. */
  chairKey?: string;
  /** The signed-in user, when the minutes name no secretary. */
  secretary?: Person;
}

/**
 * Who was there, as the minutes print it: the prefill with the marks and the chair the minutes
 * keep laid over it (they win, as on the page), grouped by groupAttendance.
 */
export function minutesAttendance(prefilled: PrefilledAttendance, minutes: Pick<Minutes, 'attendance' | 'header'>): DocumentAttendance {
  const chairKey = minutes.header.chairKey ?? prefilled.chairKey;
  const named = minutes.header.secretary;
  const secretary: Person | undefined = named
    ? { displayName: named.displayName, email: named.email, directoryId: named.key.startsWith('id:') ? named.key.slice(3) : undefined }
    : prefilled.secretary;
  const marked = withChair(applyHandMarks(prefilled.attendance, minutes.attendance.marks, { secretary, chairKey }), chairKey, secretary);
  // Chair and secretary first, as the page lists them.
  return documentAttendance(groupAttendance({ ...marked, entries: sortEntries(marked.entries) }));
}

/**
 * A file name that every system accepts: no path separators, reserved or control characters, no
 * bidi controls (a name that reads "…fdp.exe" on screen), no trailing dot or space, at most 120
 * characters before the extension.
 */
export function safeFileName(name: string, extension: string, fallback = 'Minnesanteckningar'): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const cut = Array.from(cleaned).slice(0, 120).join('').trim();
  // Names Windows keeps for devices, whatever the extension.
  const base = !cut || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cut) ? fallback : cut;
  return `${base}.${extension}`;
}

/** Who approved and when, as the document prints them ("2026-12-03 14:02" in the meeting's zone). */
function approvalSigners(approvals: readonly Approval[], timeZone: string, language: Language): Signer[] {
  const words = WORDS[language] ?? WORDS.sv;
  return approvals.map((a) => ({
    name: a.name,
    role: words.roles.get(a.role),
    approvedAt: [meetingDate(a.at, timeZone, language), clock(a.at, timeZone, language)].filter(Boolean).join(' '),
  }));
}

const approvalLine = (signers: readonly Signer[]) => signers.map((a) => `${a.name} ${a.approvedAt}`).join(', ');

/**
 * A version that was sent, as it reads once approved: the same document, with who approved it and
 * when in the header (where the template shows it) and in its closing section, exactly as
 * renderMinutes prints them with `approvals`. What publishing posts and saves: the approved version
 * itself, not the minutes rendered again from what each viewer reads live.
 */
export function approvedDocument(doc: MinutesDocument, template: Pick<Template, 'header'>, timeZone: string, approvals: readonly Approval[]): MinutesDocument {
  if (!approvals.length) return doc;
  const signers = approvalSigners(approvals, timeZone, doc.language);
  const order = template.header.map((f) => f.id);
  const field = template.header.find((f) => f.id === 'approval' && f.show);
  let header = doc.header.filter((h) => h.id !== 'approval');
  if (field) {
    const at = order.indexOf('approval');
    const before = header.findIndex((h) => order.indexOf(h.id) > at);
    const line = { id: field.id, label: field.label, value: approvalLine(signers) };
    header = before < 0 ? [...header, line] : [...header.slice(0, before), line, ...header.slice(before)];
  }
  const sections = doc.sections.map((s) => (s.kind === 'approvedBy' ? { ...s, signers, approved: true } : s));
  return { ...doc, header, sections };
}

/**
 * The document of these minutes in this template. `attendance` is groupAttendance's lists (see
 * documentAttendance); the chair is the person there with the chair's role.
 */
export function renderMinutes(minutes: Minutes, template: Template, attendance: DocumentAttendance, options: RenderOptions = {}): MinutesDocument {
  const language = options.language ?? minutes.language;
  const words = WORDS[language] ?? WORDS.sv;
  const { meeting } = minutes;
  const subject = meeting.subject.trim();
  const date = meetingDate(meeting.start, meeting.timeZone, language);
  const collator = new Intl.Collator(words.locale, { sensitivity: 'base' });

  const everyone = [...attendance.present, ...attendance.guests, ...attendance.excused, ...attendance.absent];
  const chair = everyone.find((p) => p.role === 'chair')?.name;
  const secretary = minutes.header.secretary?.displayName;
  const adjusters = minutes.header.adjusters.map((a) => a.displayName);

  const start = clock(meeting.start, meeting.timeZone, language);
  const end = clock(meeting.end, meeting.timeZone, language);
  const placeShown = labelOf(template, 'place') !== undefined;
  const time = timeRange(start, end, words);
  const approvals = options.approvals ? approvalSigners(options.approvals, meeting.timeZone, language) : undefined;

  const absent = [
    ...attendance.excused.map((p) => ({ p, line: personLine(p, words, words.excused) })),
    ...attendance.absent.map((p) => ({ p, line: personLine(p, words) })),
  ].sort((a, b) => collator.compare(a.p.name, b.p.name));

  const values = new Map<HeaderFieldId, string | undefined>([
    ['date', date],
    // A template without its own place field says both together ("Tid och plats").
    ['time', placeShown || !meeting.place.trim() ? time : [time, meeting.place.trim()].filter(Boolean).join(', ')],
    ['place', meeting.place.trim() || words.none],
    ['present', list(attendance.present.map((p) => personLine(p, words)), words)],
    ['guests', list(attendance.guests.map((p) => personLine(p, words)), words)],
    ['absent', list(absent.map((a) => a.line), words)],
    ['chair', chair],
    ['secretary', secretary],
    ['compiledBy', chair],
    ['adjusters', adjusters.length ? adjusters.join(', ') : undefined],
    // Who approved and when, once every approver has; until then the closing lines carry the signatures.
    ['approval', approvals?.length ? approvalLine(approvals) : undefined],
  ]);
  const header: HeaderField[] = template.header.flatMap((f) => {
    const value = values.get(f.id);
    return f.show && value ? [{ id: f.id, label: f.label, value }] : [];
  });

  const numbers = template.numberedParagraphs ? paragraphNumbers(minutes) : undefined;
  const decisionsLabel = labelOf(template, 'decisions');
  const actionsLabel = labelOf(template, 'actions');
  const items: DocumentItem[] = minutes.agenda.map((item) => {
    const n = numbers?.get(item.id);
    const number = n === undefined ? undefined : `§ ${n}`;
    const title = item.title.trim() || words.untitled;
    const presenter = item.presenter?.trim() || undefined;
    return {
      id: item.id,
      number,
      time: timeRange(item.time, item.endTime, words),
      title,
      presenter,
      heading: [number, title, presenter ? `(${presenter})` : undefined].filter(Boolean).join(' '),
      subPoints: item.subPoints.filter((s) => s.trim()),
      notes: item.notes
        .filter((b) => b.html.trim() || b.group)
        .map((b) => ({ group: b.group?.trim() || undefined, scribe: b.scribe ? `${words.scribe} ${b.scribe.displayName}` : undefined, html: b.html })),
      decisionsLabel: decisionsLabel ?? '',
      decisions: decisionsLabel ? item.decisions.map((d) => d.text.trim()).filter(Boolean) : [],
      actionsLabel: actionsLabel ?? '',
      actions: actionsLabel && template.numberedParagraphs ? item.actions.filter((a) => a.what.trim()).map((a) => actionOf(a, words, language)) : [],
    };
  });

  const sections: DocumentSection[] = template.sections.flatMap((s): DocumentSection[] => {
    if (!s.show) return [];
    switch (s.id) {
      case 'agenda':
        return items.length ? [{ kind: 'agenda', label: s.label, items }] : [];
      case 'actions': {
        if (template.numberedParagraphs) return [];
        const actions = minutes.agenda.flatMap((i) => i.actions.filter((a) => a.what.trim()).map((a) => actionOf(a, words, language)));
        return actions.length ? [{ kind: 'actions', label: s.label, actions }] : [];
      }
      case 'followUp': {
        const entries = minutes.followUp.map((f): FollowUpEntry => {
          const a = actionOf(f, words, language);
          const stateLabel = words.states.get(f.state) ?? f.state;
          const comment = f.comment?.trim() || undefined;
          return { what: f.what, owner: a.owner, due: a.due, state: f.state, stateLabel, comment, text: `${a.text}: ${stateLabel}.${comment ? ` ${comment}` : ''}` };
        });
        return entries.length ? [{ kind: 'followUp', label: s.label, entries }] : [];
      }
      case 'nextMeeting': {
        const next = minutes.nextMeeting;
        // The day and time set (or from the calendar), the place, then the group's own words ("via Teams").
        const at = next.start ? timeRange(clock(next.start, meeting.timeZone, language), next.end ? clock(next.end, meeting.timeZone, language) : undefined, words) : undefined;
        const when = next.start ? [meetingDate(next.start, meeting.timeZone, language), at].filter(Boolean).join(' ') : '';
        const text = [when, next.place?.trim(), next.text.trim()].filter(Boolean).join(', ');
        return text ? [{ kind: 'nextMeeting', label: s.label, text }] : [];
      }
      case 'recordedBy':
        return [{ kind: 'recordedBy', label: s.label, names: secretary ? [secretary] : [] }];
      case 'approvedBy': {
        if (approvals?.length) return [{ kind: 'approvedBy', label: s.label, signers: approvals, approved: true }];
        const signers: Signer[] = [
          ...(chair ? [{ name: chair, role: words.roles.get('chair') }] : []),
          ...adjusters.filter((a) => a !== chair).map((name) => ({ name, role: words.roles.get('adjuster') })),
        ];
        return [{ kind: 'approvedBy', label: s.label, signers }];
      }
      default:
        // "decisions" names the line in each item; it is no section of its own.
        return [];
    }
  });

  const kind = template.name.charAt(0).toLocaleLowerCase(words.locale) + template.name.slice(1);
  const described = [subject ? `${subject},` : undefined, kind, date].filter(Boolean).join(' ');
  return {
    language,
    locale: words.locale,
    title: template.numberedParagraphs ? template.name : described,
    subtitle: template.numberedParagraphs && subject ? subject : undefined,
    header,
    sections,
    properties: { title: described, subject: subject || template.name, creator: 'Justera' },
    fileName: safeFileName([meetingDate(meeting.start, meeting.timeZone, 'sv'), subject].filter(Boolean).join(' '), 'docx', words.fileFallback),
  };
}
