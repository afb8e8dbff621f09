// The agenda of a meeting as its invitation states it: which lines of the body are agenda items, with
// their times, presenters and sub-points. Pure rules over lines that src/app/invitation.ts has already
// taken out of the (untrusted) HTML or text; nothing here reads markup, and everything here is text.
//
// The rules, each with a test in agenda.test.ts:
// - Where the agenda is: after a line that is only "Dagordning", "Agenda", "Föredragningslista" or
//   "Program" (with "Förslag till", "Preliminär", "för …" around it) when items follow it; otherwise the
//   longest run of at least two marked lines: led by a time, numbered, list items, or table rows with a
//   time or number column. Ordinary prose never gives an agenda: no marks, no heading, no items.
// - What an item is: a line led by a time ("08.00 Välkommen", "kl. 9.15–9.45 Fika"), a numbered line
//   ("1. Val av justerare", "§ 3 Ekonomi", "1) …"), a list item, or a table row (whose first cell, or
//   the column headed "Tid", is the time). Under an explicit heading, short unmarked lines are items
//   too, up to a sentence, a blank line or a bold line; and so are table rows without a time.
//   A line with the meeting's details ("Tid: …", "Plats: …", "Deltagare: …") is never an item.
// - Sub-points: deeper list items and indented lines under an item; bulleted lines under numbered or
//   timed ones; "a)" and "1.1" lines; extra lines inside a table cell; a few plain lines between two items.
// - The end of the day is not an item: a line that only says the meeting is over ("Slut", "Mötet
//   slutar", "Mötet avslutas", "End of meeting", …) ends the agenda, and its time becomes the end
//   time of the last timed item. A closing *activity* ("Avslutning", "Mötets avslutande", "Closing")
//   takes a slot and is an item, as formal agendas number it.
// - Breaks ARE items ("Fika", "Lunch", "Paus", "Break"): they hold a slot in the day, and the times
//   around them stay true. They are marked `isBreak` so the minutes can leave them unnumbered and
//   without notes; the secretary can remove them where the group does not want them.
// - The Teams join block (the line of underscores before it, "Microsoft Teams", "Delta i mötet nu",
//   "Join the meeting now", "Mötes-ID:", "Lösenord:", the join link) and everything after it is never an
//   item.
// - Bounds: at most 100 items, 50 sub-points an item; a line is read to 10,000 characters; a title or
//   sub-point is cut to 300 characters.

export interface AgendaDraftItem {
  /** Start, "HH:MM" (from "09.00", "9.00", "kl. 9", or the start of "09:00–09:30"). */
  time?: string;
  /** End, "HH:MM", where the line gives a range, or the next line ends the day. */
  endTime?: string;
  /** Plain text, trimmed, whitespace collapsed, at most 300 characters. */
  title: string;
  subPoints: string[];
  /** "Karin E" from "… (Karin E)" or "… – Karin E", only when that is clearly a name. */
  presenter?: string;
  /** A break in the day ("Fika", "Lunch"): an item, with a slot, but not a point of business. */
  isBreak?: boolean;
}

export interface InvitationLine {
  text: string;
  kind: 'paragraph' | 'list-item' | 'table-row' | 'heading';
  /** List nesting (or plain-text indentation), 0 at the top. */
  depth: number;
  ordered?: boolean;
  /** For table rows: the text of each cell; line breaks inside a cell are kept as "\n". */
  cells?: string[];
  /** The whole line is bold, as a heading like "Dagordning" often is. */
  bold?: boolean;
}

export const MAX_AGENDA_ITEMS = 100;
export const MAX_LINE_CHARS = 10_000;
export const MAX_TITLE_CHARS = 300;
const MAX_SUB_POINTS = 50;
const MAX_PRESENTER_CHARS = 80;
/** Plain lines that may sit between two items as the first one's sub-points. */
const MAX_PLAIN_BETWEEN_ITEMS = 3;
/** Introductory lines ("(preliminär)", a sentence) allowed between a heading and the first item. */
const MAX_INTRO_LINES = 2;

// ---------------------------------------------------------------------------------------------------
// Text

/** Cuts a line to MAX_LINE_CHARS, drops control and zero-width characters, collapses whitespace. */
export function cleanText(raw: string): string {
  return (
    raw
      .slice(0, MAX_LINE_CHARS)
      // Control characters (not tab, line feed, carriage return), soft hyphens and zero-width marks,
      // which Outlook's HTML is full of and which would make equal titles differ.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
  return `${text.slice(0, end).trimEnd()}…`;
}

function words(text: string): string[] {
  return text.split(' ').filter((w) => w !== '');
}

// ---------------------------------------------------------------------------------------------------
// Times

export interface LeadingTime {
  time: string;
  endTime?: string;
  /** The text after the time and its separator. */
  rest: string;
}

// "08.00", "8:00", "kl. 9", "kl 9.15", "09:00–09:30", "kl. 9–10", "08.00 - 08.10". Without "kl." the
// minutes are required, so "2026", "1.5 mnkr" and "3/10" are not times.
const TIME_WITH_KL = /^kl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?(?=$|[\s,:;)–—-])/i;
const TIME_BARE = /^(\d{1,2})[.:](\d{2})(?:\s*(?:-|–|—)\s*(\d{1,2})[.:](\d{2}))?(?=$|[\s,:;)–—-])/;
const AFTER_MARK = /^[\s:;,.–—-]+/;

function hhmm(hours: string | undefined, minutes: string | undefined): string | undefined {
  if (hours === undefined) return undefined;
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The time (or time range) a line starts with, normalised to "HH:MM", and the text after it. */
export function leadingTime(text: string): LeadingTime | undefined {
  const match = TIME_WITH_KL.exec(text) ?? TIME_BARE.exec(text);
  if (!match) return undefined;
  const time = hhmm(match[1], match[2]);
  if (time === undefined) return undefined;
  const endTime = hhmm(match[3], match[4]);
  const rest = text.slice(match[0].length).replace(AFTER_MARK, '');
  return endTime === undefined ? { time, rest } : { time, endTime, rest };
}

// ---------------------------------------------------------------------------------------------------
// Recognisers

const AGENDA_HEADING =
  /^(?:(?:förslag till|preliminär|preliminärt|prel\.?|reviderad|draft|proposed|tentative)\s+)?(?:dagordning(?:en)?|agenda|föredragningslista(?:n)?|program(?:met)?)(?:\s+(?:för|for)\s+.{1,60})?\s*:?$/i;

/** A line that announces the agenda: "Dagordning", "Agenda:", "Förslag till föredragningslista". */
export function isAgendaHeading(text: string): boolean {
  return AGENDA_HEADING.test(cleanText(text).replace(/^\*+|\*+$/g, '').trim());
}

const END_OF_DAY =
  /^(?:slut|mötet slutar|mötet avslutas|mötet är slut|slut på mötet|dagen avslutas|dagen slutar|end|the end|end of (?:the )?meeting|meeting ends|meeting closes|adjourn(?:ment)?)[.!]?$/i;

/**
 * A line that only says the meeting is over, after any time or number: "09.00 Slut", "Mötet avslutas".
 * Not a closing activity ("Avslutning", "Mötets avslutande"): that is an item.
 */
export function endsTheDay(text: string): boolean {
  return END_OF_DAY.test(stripMarks(cleanText(text)).rest);
}

const BREAK =
  /^(?:fika|kaffe|kaffepaus|förmiddagsfika|eftermiddagsfika|lunch|lunchpaus|paus|kort paus|bensträckare|break|short break|coffee|coffee break|lunch break)[.!]?$/i;

/** A title that is only a break in the day: "Fika", "Lunch", "Paus", "Coffee break". */
export function isBreak(title: string): boolean {
  return BREAK.test(cleanText(title));
}

const TEAMS_LINE =
  /^(?:microsoft teams(?:[- ]?(?:möte|mötet|meeting))?(?:$|[\s:]+(?:need help|behöver du hjälp|delta|anslut|join|klicka|click))|delta i mötet|anslut till (?:mötet|microsoft teams)|join (?:the )?(?:microsoft teams )?meeting|join on your computer|klicka här för att (?:delta|ansluta)|click here to join|mötes-?id\s*:|meeting id\s*:|lösenord\s*:|lösenkod\s*:|passcode\s*:|ring in \(endast ljud\)|dial[- ]in by phone|för organisatörer\s*:|for organizers\s*:)/i;

/** A line of the Teams join block that Teams appends to the invitation (Swedish or English). */
export function isTeamsJoinLine(text: string): boolean {
  const t = cleanText(text);
  return TEAMS_LINE.test(t) || /teams\.microsoft\.com\/l\/meetup-join/i.test(t);
}

/** A line of underscores, as Teams draws above its join block. */
function isRuleLine(text: string): boolean {
  return /^_{5,}$/.test(cleanText(text).replace(/\s/g, ''));
}

/**
 * Where the Teams join block starts: its first line, or the line of underscores just above it; the
 * number of lines when there is none. A line of underscores alone, with no Teams line after it, is
 * only a separator.
 */
export function teamsBlockStart(lines: readonly InvitationLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!isTeamsJoinLine(lines[i]!.text)) continue;
    let start = i;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const text = cleanText(lines[j]!.text);
      if (isRuleLine(text)) start = j;
      else if (text !== '') break;
    }
    return start;
  }
  return lines.length;
}

// ---------------------------------------------------------------------------------------------------
// Presenters

// A name word: "Karin", "Ekström", "Anna-Karin", "E", "E.". Names start with a capital.
const NAME_WORD = /^(?:\p{Lu}\p{Ll}[\p{L}'’-]*|\p{Lu}\.?)$/u;
const NAME_PARTICLES = new Set(['af', 'av', 'von', 'van', 'de', 'der', 'la', 'du', 'di']);
// Capitalised single words that sit in parentheses after a title and are not people.
const NOT_NAMES = new Set([
  'bilaga', 'bilagor', 'beslut', 'beslutsärende', 'information', 'info', 'informationsärende', 'diskussion',
  'dialog', 'rapport', 'presentation', 'utkast', 'förslag', 'stående', 'återkoppling', 'uppföljning',
  'fika', 'lunch', 'paus', 'teams', 'zoom', 'digitalt', 'ny', 'nytt', 'obs', 'ev', 'alla', 'samtliga',
  'decision', 'discussion', 'draft', 'update', 'all', 'everyone', 'tbd', 'tbc',
]);
const PRESENTER_ROLE = /^(?:föredragande|föredras av|ansvarig|ansv\.?|presenter|presented by|by|med)\s*:?\s*/i;

function isName(person: string, requireFullName: boolean): boolean {
  const ws = words(person);
  if (ws.length === 0 || ws.length > 4) return false;
  if (requireFullName && ws.length < 2) return false;
  if (!/^\p{Lu}\p{Ll}/u.test(ws[0]!)) return false;
  if (ws.length === 1 && NOT_NAMES.has(ws[0]!.toLowerCase())) return false;
  return ws.every((w, k) => NAME_WORD.test(w) || (k > 0 && k < ws.length - 1 && NAME_PARTICLES.has(w)));
}

/** "Karin E", "Karin E, Sara L", "Anna Berg och Peter Sjö": one to four people, nothing else. */
function presenterFrom(text: string, requireFullName: boolean): string | undefined {
  const t = text.replace(PRESENTER_ROLE, '').trim();
  if (t === '' || t.length > MAX_PRESENTER_CHARS || /\d/.test(t)) return undefined;
  const people = t.split(/\s*[,/]\s*|\s+(?:och|and|&)\s+/);
  if (people.length > 4 || !people.every((p) => isName(p, requireFullName))) return undefined;
  return t;
}

/** Splits "Länskonferensen 2026 (Karin E)" or "… – Karin E" into title and presenter. */
export function splitPresenter(text: string): { title: string; presenter?: string } {
  const paren = /\s*\(([^()]{1,100})\)\s*$/.exec(text);
  if (paren && paren.index > 0) {
    const presenter = presenterFrom(paren[1]!, false);
    if (presenter) return { title: text.slice(0, paren.index).trim(), presenter };
  }
  // After a dash only a full name ("Karin E", not "Budget") counts: "Ekonomi – Budget" is a title.
  const dash = /\s+[–—-]\s+([^–—()-]{1,80})$/.exec(text);
  if (dash && dash.index > 0) {
    const presenter = presenterFrom(dash[1]!, !PRESENTER_ROLE.test(dash[1]!));
    if (presenter) return { title: text.slice(0, dash.index).trim(), presenter };
  }
  return { title: text };
}

// ---------------------------------------------------------------------------------------------------
// Reading a line

const NUMBER_MARK = /^(?:§\s*\d{1,3}[a-z]?(?=$|[\s.:)–—-])|\d{1,3}[.)](?=\s|$)|\(\d{1,3}\)(?=\s|$))/i;
const SUB_MARK = /^(?:\d{1,3}\.\d{1,2}\.?|[a-z][.)])(?=\s)/i;
const BULLET_MARK = /^[-*•·▪◦‣–—\uf0b7\uf0a7](?=\s)/;

interface Marks {
  time?: string;
  endTime?: string;
  numbered: boolean;
  bullet: boolean;
  subMark: boolean;
  rest: string;
}

/** Takes the bullet, number and time a line starts with off it, in whichever order they come. */
function stripMarks(text: string): Marks {
  const marks: Marks = { numbered: false, bullet: false, subMark: false, rest: text };
  const bullet = BULLET_MARK.exec(marks.rest);
  if (bullet) {
    marks.bullet = true;
    marks.rest = marks.rest.slice(bullet[0].length).trimStart();
  }
  for (let pass = 0; pass < 2; pass++) {
    const number = marks.numbered ? null : NUMBER_MARK.exec(marks.rest);
    if (number) {
      marks.numbered = true;
      marks.rest = marks.rest.slice(number[0].length).replace(AFTER_MARK, '');
    }
    const time = marks.time === undefined ? leadingTime(marks.rest) : undefined;
    if (time) {
      marks.time = time.time;
      if (time.endTime !== undefined) marks.endTime = time.endTime;
      marks.rest = time.rest;
    }
  }
  if (!marks.numbered && marks.time === undefined) {
    const sub = SUB_MARK.exec(marks.rest);
    if (sub) {
      marks.subMark = true;
      marks.rest = marks.rest.slice(sub[0].length).trimStart();
    }
  }
  return marks;
}

interface Reading extends Marks {
  line: InvitationLine;
  text: string;
  depth: number;
  listItem: boolean;
  /** A time, or a typed number: the line says by itself that it is an agenda point. */
  marked: boolean;
  /** A bold line or a heading without marks: a section label ("Förmiddag"), not an item. */
  label: boolean;
  /** "Tid: …", "Plats: …": the meeting's details, not an agenda point. */
  details: boolean;
  row: boolean;
}

function read(line: InvitationLine): Reading {
  const text = cleanText(line.text);
  const marks = stripMarks(text);
  const row = line.kind === 'table-row';
  const marked = marks.time !== undefined || marks.numbered;
  return {
    ...marks,
    line,
    text,
    depth: Math.max(0, Math.floor(line.depth) || 0),
    listItem: !row && (line.kind === 'list-item' || marks.bullet),
    marked,
    label: !marked && !row && (line.kind === 'heading' || line.bold === true),
    details: !row && MEETING_DETAILS.test(marks.rest),
    row,
  };
}

// The meeting's details, as invitations state them before the agenda: never agenda items.
const MEETING_DETAILS =
  /^(?:tid|datum|plats|lokal|tid och plats|plats och tid|var|när|deltagare|kallade|inbjudna|ordförande|sekreterare|anmälan|osa|time|date|place|location|venue|where|when|participants|attendees|chair|rsvp)\s*:/i;

/** A sentence rather than a title: "Underlag finns i kanalens filer." */
function isProse(text: string): boolean {
  return text.length > 150 || (/[.!]$/.test(text) && words(text).length >= 4);
}

function tidyTitle(text: string): string {
  return text.replace(AFTER_MARK, '').replace(/[\s:;,–—-]+$/, '').trim();
}

function draftItem(rest: string, marks: { time?: string; endTime?: string }): AgendaDraftItem | undefined {
  const { title, presenter } = splitPresenter(tidyTitle(rest));
  const clean = tidyTitle(title);
  if (clean === '') return undefined;
  const item: AgendaDraftItem = { title: cut(clean, MAX_TITLE_CHARS), subPoints: [] };
  if (marks.time !== undefined) item.time = marks.time;
  if (marks.endTime !== undefined) item.endTime = marks.endTime;
  if (presenter !== undefined) item.presenter = cut(presenter, MAX_PRESENTER_CHARS);
  if (isBreak(clean)) item.isBreak = true;
  return item;
}

// ---------------------------------------------------------------------------------------------------
// Table rows

type ColumnRole = 'time' | 'number' | 'title' | 'presenter' | 'other';
type Columns = Partial<Record<Exclude<ColumnRole, 'other'>, number>>;

const HEADER_WORDS = new Map<string, ColumnRole>([
  ...['tid', 'time', 'kl', 'kl.', 'klockan', 'klockslag', 'när', 'when', 'start'].map((w) => [w, 'time'] as const),
  ...['nr', 'nr.', '#', '§', 'no', 'no.', 'punkt nr'].map((w) => [w, 'number'] as const),
  ...['punkt', 'ärende', 'ämne', 'rubrik', 'dagordning', 'agenda', 'innehåll', 'programpunkt', 'aktivitet', 'item', 'topic', 'subject', 'activity'].map(
    (w) => [w, 'title'] as const,
  ),
  ...['föredragande', 'ansvarig', 'ansv.', 'presentatör', 'talare', 'vem', 'presenter', 'speaker', 'who', 'owner'].map(
    (w) => [w, 'presenter'] as const,
  ),
  ...['beskrivning', 'kommentar', 'kommentarer', 'underlag', 'anteckning', 'description', 'notes', 'comment'].map(
    (w) => [w, 'other'] as const,
  ),
]);

function rowCells(line: InvitationLine): string[][] {
  const cells = line.cells ?? [line.text];
  return cells.map((cell) => cell.slice(0, MAX_LINE_CHARS).split('\n').map(cleanText).filter((t) => t !== ''));
}

/** A header row ("Tid | Punkt | Föredragande") tells what each column holds. */
function headerColumns(cells: string[][]): Columns | undefined {
  const columns: Columns = {};
  let named = 0;
  for (let k = 0; k < cells.length; k++) {
    const text = cells[k]!.join(' ').toLowerCase().replace(/:$/, '');
    if (text === '') continue;
    const role = HEADER_WORDS.get(text);
    if (role === undefined) return undefined;
    named += 1;
    if (role !== 'other' && columns[role] === undefined) columns[role] = k;
  }
  return named > 0 ? columns : undefined;
}

interface RowReading {
  item?: AgendaDraftItem;
  /** The row has a time or a number: it belongs to an agenda without a heading too. */
  marked: boolean;
  /** Its time and number cells are empty: it continues the item above. */
  continuation: boolean;
  lines: string[];
}

function isNumberCell(text: string): boolean {
  return /^(?:§\s*)?\d{1,3}[.)]?$/.test(text);
}

function readRow(line: InvitationLine, columns: Columns | undefined): RowReading {
  const cells = rowCells(line);
  const cellText = (k: number | undefined) => (k === undefined ? '' : (cells[k] ?? []).join(' '));
  const used = new Set<number>();
  let time: LeadingTime | undefined;
  let numbered = false;

  const numberCol = columns ? columns.number : isNumberCell(cellText(0)) ? 0 : undefined;
  if (numberCol !== undefined && isNumberCell(cellText(numberCol))) {
    numbered = true;
    used.add(numberCol);
  }
  const timeCol = columns ? columns.time : numbered ? 1 : 0;
  if (timeCol !== undefined) {
    const t = leadingTime(cellText(timeCol));
    if (t && t.rest === '') {
      time = t;
      used.add(timeCol);
    }
  }
  if (columns?.time !== undefined) used.add(columns.time);
  if (columns?.number !== undefined) used.add(columns.number);
  const presenterCol = columns?.presenter;
  if (presenterCol !== undefined) used.add(presenterCol);

  const lines = cells.flat();
  const firstEmpty = (cells[0] ?? []).length === 0;
  const rest = cells.map((_, k) => k).filter((k) => !used.has(k) && (cells[k] ?? []).length > 0);
  const marked = time !== undefined || numbered;
  const continuation = !marked && firstEmpty && (columns === undefined || columns.time === 0 || columns.number === 0);
  if (rest.length === 0) return { marked, continuation, lines };

  const titleCol = columns?.title !== undefined && rest.includes(columns.title) ? columns.title : rest[0]!;
  const [titleText = '', ...titleMore] = cells[titleCol]!;
  // A time or number typed into the title cell itself ("08.00 Välkommen") counts as the row's.
  const marks = stripMarks(titleText);
  const item = draftItem(marks.rest, time ?? marks);
  if (!item) return { marked, continuation, lines };
  item.subPoints.push(...titleMore.map((t) => cut(t, MAX_TITLE_CHARS)));

  const presenter = cellText(presenterCol);
  if (presenter !== '') item.presenter = cut(presenter, MAX_PRESENTER_CHARS);
  const others = rest.filter((k) => k !== titleCol);
  // Without a header, a last cell that is only a name is the presenter; other cells are sub-points.
  const last = others[others.length - 1];
  if (columns === undefined && last !== undefined && item.presenter === undefined) {
    const name = presenterFrom(cellText(last), false);
    if (name !== undefined) {
      item.presenter = name;
      others.pop();
    }
  }
  for (const k of others) item.subPoints.push(...cells[k]!.map((t) => cut(t, MAX_TITLE_CHARS)));
  return { item, marked: marked || marks.time !== undefined || marks.numbered, continuation, lines };
}

// ---------------------------------------------------------------------------------------------------
// Runs

type Style = 'table' | 'list' | 'marked' | 'plain';

interface Run {
  items: AgendaDraftItem[];
  /** The index after the run's last line. */
  end: number;
}

function addSubPoint(item: AgendaDraftItem | undefined, text: string): void {
  if (!item || item.subPoints.length >= MAX_SUB_POINTS) return;
  const clean = cleanText(text);
  if (clean !== '') item.subPoints.push(cut(clean, MAX_TITLE_CHARS));
}

/**
 * Reads the agenda from `start` on. `explicit`: a heading announced it, so rows without times and plain
 * short lines may be items; without one, only marked lines (time, number, list item, timed row) start
 * or continue an agenda.
 */
function collectRun(body: readonly Reading[], start: number, explicit: boolean): Run {
  const items: AgendaDraftItem[] = [];
  let style: Style | undefined;
  let itemDepth = 0;
  let columns: Columns | undefined;
  let pending: { time: string; endTime?: string } | undefined;
  let intro = 0;
  const current = () => items[items.length - 1];

  /** Would this line be an item of the run as it stands? (For the look-ahead over plain lines.) */
  const isItemLine = (r: Reading): boolean => {
    if (r.row || r.depth > itemDepth) return false;
    // A list's items are its list items: numbered paragraphs after it are another list.
    if (style === 'list') return r.listItem && r.depth === itemDepth;
    return r.marked;
  };

  /** Adds an item, or ends the day. Returns false when the run ends here. */
  const take = (item: AgendaDraftItem | undefined, r: Reading): boolean => {
    if (!item) return true;
    if (END_OF_DAY.test(item.title)) {
      const last = current();
      if (last && last.time !== undefined && last.endTime === undefined && item.time !== undefined) last.endTime = item.time;
      return false;
    }
    items.push(item);
    if (style === undefined) {
      itemDepth = r.depth;
    }
    return true;
  };

  let i = start;
  for (; i < body.length && items.length < MAX_AGENDA_ITEMS; i++) {
    const r = body[i]!;
    if (r.text === '' && !r.row) {
      // Unmarked lines have nothing else to tell where they end.
      if (style === 'plain') break;
      continue;
    }

    if (r.row) {
      if (style !== undefined && style !== 'table') break;
      const header = headerColumns(rowCells(r.line));
      if (header) {
        columns = header;
        continue;
      }
      const row = readRow(r.line, columns);
      if (style === 'table' && row.continuation && current()) {
        for (const text of row.lines) addSubPoint(current(), text);
        continue;
      }
      if (!explicit && !row.marked) break;
      if (!row.item) continue;
      if (!take(row.item, r)) {
        i += 1;
        break;
      }
      style = 'table';
      continue;
    }
    if (style === 'table') break;

    if (r.details && (style === undefined || r.depth <= itemDepth)) {
      if (style !== undefined || !explicit || ++intro > MAX_INTRO_LINES) break;
      continue;
    }

    // A time alone on its line: the next line is the item it starts.
    if (r.time !== undefined && r.rest === '' && r.depth <= (style === undefined ? r.depth : itemDepth)) {
      pending = r.endTime === undefined ? { time: r.time } : { time: r.time, endTime: r.endTime };
      if (style === undefined) {
        style = 'marked';
        itemDepth = r.depth;
      }
      continue;
    }
    if (pending) {
      const from = r.time !== undefined ? r : { ...r, ...pending };
      pending = undefined;
      if (!take(draftItem(r.rest, from), r)) {
        i += 1;
        break;
      }
      continue;
    }

    if (style === undefined) {
      if (r.marked || r.listItem) {
        const first = take(draftItem(r.rest, r), r);
        if (!first) {
          i += 1;
          break;
        }
        if (items.length > 0) style = r.listItem ? 'list' : 'marked';
        continue;
      }
      if (!explicit) break;
      if (r.label || isProse(r.text) || /^\(.*\)$/.test(r.text)) {
        intro += 1;
        if (intro > MAX_INTRO_LINES) break;
        continue;
      }
      if (!take(draftItem(r.rest, r), r)) {
        i += 1;
        break;
      }
      if (items.length > 0) style = 'plain';
      continue;
    }

    if (style === 'plain') {
      if (r.depth > itemDepth || r.subMark) {
        addSubPoint(current(), r.rest);
        continue;
      }
      if (r.label || isProse(r.text)) break;
      if (!take(draftItem(r.rest, r), r)) {
        i += 1;
        break;
      }
      continue;
    }

    // 'list' and 'marked'
    if (isItemLine(r)) {
      if (!take(draftItem(r.rest, r), r)) {
        i += 1;
        break;
      }
      continue;
    }
    if (r.depth < itemDepth && (r.listItem || r.marked)) break;
    if (r.depth > itemDepth || r.subMark || (style === 'marked' && r.listItem)) {
      addSubPoint(current(), r.rest);
      continue;
    }
    if (endsTheDay(r.text)) break;
    // A plain line at the items' level: a sub-point if another item follows within a few lines (a
    // description, or a section label like "Eftermiddag"), else where the agenda ends.
    let next = i;
    while (next < body.length && next - i < MAX_PLAIN_BETWEEN_ITEMS && !isItemLine(body[next]!) && isPlainBetween(body[next]!, itemDepth)) next++;
    if (next >= body.length || !isItemLine(body[next]!)) break;
    for (let k = i; k < next; k++) if (!body[k]!.label) addSubPoint(current(), body[k]!.rest);
    i = next - 1;
  }
  return { items, end: i };
}

/** A plain line that may sit between two items. One ending in ":" introduces something else. */
function isPlainBetween(r: Reading, itemDepth: number): boolean {
  return !r.row && !r.marked && !r.listItem && r.depth <= itemDepth && !endsTheDay(r.text) && !/:$/.test(r.text);
}

/** Could an agenda without a heading start here? Only on a marked line: a time, number, list item, or timed row. */
function startsRun(r: Reading): boolean {
  if (r.row) return readRow(r.line, undefined).marked;
  return (r.marked || r.listItem) && !r.details;
}

/**
 * The agenda in an invitation's lines: after its heading when it has one, else the longest run of at
 * least two marked lines; [] when there is none. Never a guess from ordinary prose.
 */
export function agendaFromLines(lines: readonly InvitationLine[]): AgendaDraftItem[] {
  const body = lines.slice(0, teamsBlockStart(lines)).map(read);

  for (let i = 0; i < body.length; i++) {
    if (!isAgendaHeading(body[i]!.text)) continue;
    const run = collectRun(body, i + 1, true);
    if (run.items.length > 0) return run.items;
  }

  let best: AgendaDraftItem[] = [];
  for (let i = 0; i < body.length; ) {
    if (!startsRun(body[i]!)) {
      i += 1;
      continue;
    }
    const run = collectRun(body, i, false);
    if (run.items.length > best.length) best = run.items;
    i = Math.max(run.end, i + 1);
  }
  return best.length >= 2 ? best : [];
}
