// The invitation's body as lines of text: the edge where the event body from Graph (HTML, sometimes
// plain text, always untrusted) is read, so that src/domain/agenda.ts can find the agenda in plain data.
// htmlparser2's streaming parser only tokenises: nothing is rendered, no DOM is built, no URL is
// fetched, and no markup leaves this module. Scripts, styles and the head are dropped; tags become
// line breaks or nothing; entities are decoded. It is loaded lazily with the agenda prefill.

import { Parser } from 'htmlparser2';
import { agendaFromLines, cleanText, MAX_LINE_CHARS, type AgendaDraftItem, type InvitationLine } from '../domain/agenda';

/** Enough for any invitation; the rest of a larger body is not read. */
const MAX_LINES = 10_000;
// An invitation, even Outlook's with its style sheet, is tens of KB and its agenda comes early. The cut
// also bounds hostile nesting: htmlparser2 keeps open elements in an array it shifts and unshifts, so
// time grows with depth squared (50,000 nested <div>s, 300 KB, take seconds; 200 KB of them, ~0.3 s).
const MAX_BODY_CHARS = 200_000;
const MAX_CELLS = 50;

// Elements whose content is never text of the invitation.
const DROPPED = new Set([
  'script', 'style', 'head', 'title', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math',
  'textarea', 'select', 'frameset', 'frame', 'noframes', 'xml',
]);
// Elements that break lines; everything else (b, strong, i, span, a, font, o:p, …) is inline text.
const BLOCKS = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article', 'aside', 'header',
  'footer', 'main', 'nav', 'address', 'figure', 'figcaption', 'center', 'form', 'fieldset', 'legend', 'details',
  'summary', 'body', 'html',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i;
// Word's lists in Outlook's HTML are paragraphs: style "mso-list:l0 level2 lfo1", and the bullet or
// number in a span styled "mso-list:Ignore".
const MSO_LIST_LEVEL = /mso-list\s*:\s*l\d+\s+level(\d+)/i;
const MSO_LIST_IGNORE = /mso-list\s*:\s*ignore/i;

type LineProps = Pick<InvitationLine, 'kind' | 'depth' | 'ordered'>;

interface Frame {
  name: string;
  bold: boolean;
  dropped: boolean;
  msoIgnore: boolean;
  /** For p and div: the number of lines when it opened, to tell an empty paragraph (a blank line). */
  linesAtOpen?: number;
  /** For li: its list depth. */
  liDepth?: number;
  /** A heading or Word list paragraph: set on it, so its closing restores the context. */
  props?: boolean;
  /** What it pushed, popped again when it closes, whatever happened in between. */
  list?: boolean;
  table?: boolean;
  pre?: boolean;
}

interface Row {
  cells: string[];
  cell: string | null;
  layout: boolean;
  boldChars: number;
  plainChars: number;
}

function nonSpace(text: string): number {
  return text.replace(/\s/g, '').length;
}

function cellLines(cell: string): string {
  return cell
    .split('\n')
    .map(cleanText)
    .filter((t) => t !== '')
    .join('\n');
}

/** Lines of an HTML body: paragraphs, list items with their depth, table rows with their cells. */
function htmlLines(html: string): InvitationLine[] {
  const lines: InvitationLine[] = [];
  const stack: Frame[] = [];
  const lists: Array<'ul' | 'ol'> = [];
  const lis: number[] = [];
  const tables: Array<{ row: Row | null }> = [];
  let dropped = 0;
  let bold = 0;
  let msoIgnore = 0;
  let pre = 0;
  let buffer = '';
  let boldChars = 0;
  let plainChars = 0;
  let props: LineProps | undefined;
  let msoMarker = '';
  let brOnly = false;

  const contextProps = (): LineProps => ({ kind: 'paragraph', depth: lis.length > 0 ? lis[lis.length - 1]! + 1 : 0 });
  const emit = (line: InvitationLine) => {
    if (lines.length < MAX_LINES) lines.push(line);
  };
  const blank = () => {
    const last = lines[lines.length - 1];
    if (last && last.text !== '') emit({ text: '', kind: 'paragraph', depth: 0 });
  };

  const flush = () => {
    const text = cleanText(buffer);
    if (text !== '') {
      const p = props ?? contextProps();
      const line: InvitationLine = { text, kind: p.kind, depth: p.depth };
      if (p.kind === 'list-item') line.ordered = p.ordered === true || /^\s*(?:\d+|[a-z]|[ivx]+)[.)]/i.test(msoMarker);
      if (boldChars > 0 && plainChars === 0) line.bold = true;
      emit(line);
      // Further lines inside the same list item continue it, one level deeper.
      if (p.kind === 'list-item') props = { kind: 'paragraph', depth: p.depth + 1 };
      brOnly = false;
    }
    buffer = '';
    boldChars = 0;
    plainChars = 0;
    msoMarker = '';
  };

  const row = (): Row | null => {
    const table = tables[tables.length - 1];
    return table?.row && !table.row.layout ? table.row : null;
  };
  const inCell = (): Row | null => {
    const r = row();
    return r && r.cell !== null ? r : null;
  };
  const endCell = (r: Row) => {
    if (r.cell !== null && r.cells.length < MAX_CELLS) r.cells.push(cellLines(r.cell));
    r.cell = null;
  };
  const endRow = () => {
    const table = tables[tables.length - 1];
    const r = table?.row;
    if (!table || !r) return;
    table.row = null;
    if (r.layout) {
      flush();
      return;
    }
    endCell(r);
    if (!r.cells.some((c) => c !== '')) return;
    const text = cleanText(r.cells.join(' '));
    const line: InvitationLine = { text, kind: 'table-row', depth: 0, cells: r.cells };
    if (r.boldChars > 0 && r.plainChars === 0) line.bold = true;
    emit(line);
  };
  // A table inside a cell means the outer table is for layout: its cells' text becomes paragraphs.
  const toLayout = (r: Row) => {
    endCell(r);
    for (const cell of r.cells) for (const text of cell.split('\n')) if (text !== '') emit({ text, kind: 'paragraph', depth: 0 });
    r.cells = [];
    r.layout = true;
  };
  const breakLine = () => {
    const r = inCell();
    if (r) r.cell += '\n';
    else flush();
  };

  const closeBlock = (name: string, frame: Frame) => {
    if (name === 'tr') return endRow();
    if (name === 'td' || name === 'th') {
      const r = row();
      if (r) endCell(r);
      else flush();
      return;
    }
    if (name === 'br') return;
    if (inCell()) return breakLine();
    flush();
    if ((name === 'p' || name === 'div') && frame.linesAtOpen === lines.length && lines.length > 0) blank();
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const style = attribs.style ?? '';
        const frame: Frame = { name, bold: false, dropped: false, msoIgnore: false };
        stack.push(frame);
        if (DROPPED.has(name)) {
          frame.dropped = true;
          dropped += 1;
          return;
        }
        if (name === 'b' || name === 'strong' || BOLD_STYLE.test(style)) {
          frame.bold = true;
          bold += 1;
        }
        if (MSO_LIST_IGNORE.test(style)) {
          frame.msoIgnore = true;
          msoIgnore += 1;
        }
        if (dropped > 0 || !BLOCKS.has(name)) return;
        if (name === 'pre') {
          frame.pre = true;
          pre += 1;
        }

        if (name === 'table') {
          const r = inCell();
          if (r) toLayout(r);
          else flush();
          tables.push({ row: null });
          frame.table = true;
          return;
        }
        if (name === 'tr') {
          if (tables.length === 0) tables.push({ row: null });
          endRow();
          flush();
          tables[tables.length - 1]!.row = { cells: [], cell: null, layout: false, boldChars: 0, plainChars: 0 };
          return;
        }
        if (name === 'td' || name === 'th') {
          if (tables.length === 0) tables.push({ row: null });
          const table = tables[tables.length - 1]!;
          if (!table.row) {
            flush();
            table.row = { cells: [], cell: null, layout: false, boldChars: 0, plainChars: 0 };
          }
          if (!table.row.layout) {
            endCell(table.row);
            table.row.cell = '';
          } else flush();
          return;
        }
        if (inCell()) {
          breakLine();
          return;
        }
        if (name === 'br') {
          if (buffer.trim() === '' && brOnly) blank();
          flush();
          brOnly = true;
          return;
        }
        flush();
        brOnly = false;
        if (name === 'ul' || name === 'ol') {
          lists.push(name);
          frame.list = true;
          props = undefined;
        } else if (name === 'li') {
          const depth = Math.max(0, lists.length - 1);
          frame.liDepth = depth;
          lis.push(depth);
          props = { kind: 'list-item', depth, ordered: lists[lists.length - 1] === 'ol' };
        } else if (HEADINGS.has(name)) {
          props = { kind: 'heading', depth: contextProps().depth };
          frame.props = true;
        } else if (name === 'p' || name === 'div') {
          frame.linesAtOpen = lines.length;
          const level = MSO_LIST_LEVEL.exec(style);
          if (level) {
            props = { kind: 'list-item', depth: Math.max(0, Number(level[1]) - 1) };
            frame.props = true;
          }
        }
      },
      ontext(text) {
        if (dropped > 0) return;
        if (msoIgnore > 0) {
          if (msoMarker.length < 20) msoMarker += text;
          return;
        }
        const parts = pre > 0 ? text.split('\n') : [text];
        parts.forEach((part, k) => {
          if (k > 0) breakLine();
          const count = nonSpace(part);
          const r = inCell();
          if (r) {
            if (r.cell!.length < MAX_LINE_CHARS) r.cell += part;
            if (bold > 0) r.boldChars += count;
            else r.plainChars += count;
            return;
          }
          if (buffer.length < MAX_LINE_CHARS * 2) buffer += part;
          if (bold > 0) boldChars += count;
          else plainChars += count;
          if (count > 0) brOnly = false;
        });
      },
      onclosetag(name) {
        const frame = stack.pop();
        if (!frame) return;
        if (frame.dropped) {
          dropped -= 1;
          return;
        }
        if (frame.bold) bold -= 1;
        if (frame.msoIgnore) msoIgnore -= 1;
        if (frame.table) {
          endRow();
          tables.pop();
          flush();
        } else if (dropped === 0 && BLOCKS.has(name)) {
          closeBlock(name, frame);
        }
        if (frame.pre) pre -= 1;
        if (frame.list) lists.pop();
        if (frame.liDepth !== undefined) lis.pop();
        if (frame.list || frame.liDepth !== undefined || frame.props) props = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // Cells with no <table> around them (malformed HTML) leave a table open that nothing closes.
  for (; tables.length > 0; tables.pop()) endRow();
  flush();
  return trimBlanks(lines);
}

function trimBlanks(lines: InvitationLine[]): InvitationLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.text === '') start++;
  while (end > start && lines[end - 1]!.text === '') end--;
  return lines.slice(start, end);
}

const TEXT_BULLET = /^(?:[-*•·▪◦‣–\uf0b7])\s+/;
const TEXT_SUB_BULLET = /^o\s+/; // Outlook's plain text draws a second-level bullet as "o"
const TEXT_NUMBER = /^(\d{1,3})[.)]\s+/;
const TEXT_BOLD = /^\*([^*\s][^*]*)\*(:?)$/;

/** Lines of a plain-text body: indentation is depth, "- ", "* ", "• ", "1. " make list items. */
function textLines(text: string): InvitationLine[] {
  const lines: InvitationLine[] = [];
  const indents: number[] = [];
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    if (lines.length >= MAX_LINES) break;
    const expanded = raw.slice(0, MAX_LINE_CHARS).replace(/\u00a0/g, ' ');
    const trimmed = expanded.trim();
    if (trimmed === '') {
      const last = lines[lines.length - 1];
      if (last && last.text !== '') lines.push({ text: '', kind: 'paragraph', depth: 0 });
      continue;
    }
    const indent = /^[ \t]*/.exec(expanded)![0].replace(/\t/g, '    ').length;
    while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
    if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
    const depth = indents.length - 1;

    // Tabs between words are how a table reads as text: one cell per tab.
    const cells = trimmed.split(/\t+/).map(cleanText);
    if (cells.filter((c) => c !== '').length > 1) {
      lines.push({ text: cells.join(' '), kind: 'table-row', depth: 0, cells: cells.slice(0, MAX_CELLS) });
      continue;
    }
    let body = cleanText(trimmed);
    if (body === '') continue;
    const bullet = TEXT_BULLET.exec(body) ?? (indent > 0 ? TEXT_SUB_BULLET.exec(body) : null);
    const number = bullet ? null : TEXT_NUMBER.exec(body);
    const bolded = TEXT_BOLD.exec(body);
    if (bullet || number) {
      body = body.slice((bullet ?? number)![0].length);
      lines.push({ text: body, kind: 'list-item', depth, ordered: number !== null });
    } else if (bolded) {
      lines.push({ text: bolded[1]!.trim() + bolded[2]!, kind: 'paragraph', depth, bold: true });
    } else {
      lines.push({ text: body, kind: 'paragraph', depth });
    }
  }
  return trimBlanks(lines);
}

/**
 * The invitation's body (Graph's event.body.content) as lines. A body said to be HTML that holds no
 * tag at all is read as text, so that its line breaks still separate its lines. A blank line (an empty
 * paragraph, two <br>s, an empty text line) is kept as one line with empty text: it separates blocks.
 * Only the first 200,000 characters are read.
 */
export function invitationLines(body: string, contentType: 'html' | 'text'): InvitationLine[] {
  if (typeof body !== 'string') return [];
  const head = body.slice(0, MAX_BODY_CHARS);
  if (head.trim() === '') return [];
  if (contentType === 'html' && /<[a-z!/?]/i.test(head)) return htmlLines(head);
  return textLines(head);
}

/** The agenda the invitation states, for prefilling the minutes; [] when it states none. */
export function agendaFromInvitation(body: string, contentType: 'html' | 'text'): AgendaDraftItem[] {
  return agendaFromLines(invitationLines(body, contentType));
}
