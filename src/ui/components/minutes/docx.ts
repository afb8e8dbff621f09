// The minutes as a Word file, written in the browser with the `docx` package from the same model as
// the preview (domain/render.ts). Loaded lazily, in its own chunk (docx is about 63 KB gzip), only
// when someone downloads. Accessible as Word checks it: real headings (Heading1 for the title,
// Heading2 for items and sections), the document's language set (sv-SE / en-GB), the title,
// subject and creator in the file's properties, lists as Word lists, links as hyperlinks. Notes
// come from DOMPurify's output read into runs (notesDocument.ts); every other value is a text run.

import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { MinutesDocument } from '../../../domain/render';
import { loadNotesReader, type NotesBlock, type NotesRun, type ReadNotes } from './notesDocument';
import { htmlToText } from './notesText';

/** Characters XML 1.0 forbids (a file holding one does not open): dropped from text from outside. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const clean = (text: string) => text.replace(NOT_XML, '');

const BULLETS = 'bullets';
const NUMBERS = 'numbers';

const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string): ILevelsOptions[] =>
  [0, 1, 2, 3].map((level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

export const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: clean(value), ...options });

/** "Beslut: text", with the label in bold. */
const labelled = (label: string, value: string) => new Paragraph({ children: [text(`${label}: `, { bold: true }), text(value)] });

function runs(list: readonly NotesRun[]): ParagraphChild[] {
  return list.map((r) => {
    const run = new TextRun({ text: clean(r.text), bold: r.bold, italics: r.italic, break: r.breakBefore ? 1 : undefined, style: r.href ? 'Hyperlink' : undefined });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

/** The Word paragraphs of the minutes. */
function paragraphs(doc: MinutesDocument, readNotes: ReadNotes): Paragraph[] {
  const out: Paragraph[] = [];
  // Each list in the notes counts from 1: a numbering instance of its own.
  let instance = 0;
  const notes = (html: string) => {
    let previous: NotesBlock | undefined;
    for (const block of readNotes(html)) {
      if (block.kind === 'listItem') {
        if (previous?.kind !== 'listItem' || (block.level === 0 && block.ordered !== previous.ordered)) instance += 1;
        out.push(new Paragraph({ children: runs(block.runs), numbering: { reference: block.ordered ? NUMBERS : BULLETS, level: Math.min(block.level, 3), instance } }));
      } else {
        out.push(new Paragraph({ children: runs(block.runs) }));
      }
      previous = block;
    }
  };
  const bullet = (value: string) => new Paragraph({ children: [text(value)], numbering: { reference: BULLETS, level: 0 } });
  const heading2 = (value: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(value)] });

  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(doc.title)] }));
  if (doc.subtitle) out.push(new Paragraph({ children: [text(doc.subtitle, { bold: true })] }));
  for (const f of doc.header) out.push(labelled(f.label, f.value));

  for (const s of doc.sections) {
    switch (s.kind) {
      case 'agenda':
        for (const item of s.items) {
          out.push(heading2(item.heading));
          if (item.time) out.push(new Paragraph({ children: [text(item.time, { italics: true })] }));
          for (const p of item.subPoints) out.push(bullet(p));
          for (const n of item.notes) {
            const who = [n.group, n.scribe].filter(Boolean).join(', ');
            if (who) out.push(new Paragraph({ children: [text(who, { bold: true })] }));
            notes(n.html);
          }
          for (const d of item.decisions) out.push(labelled(item.decisionsLabel, d));
          for (const a of item.actions) out.push(labelled(item.actionsLabel, a.text));
        }
        break;
      case 'actions':
        out.push(heading2(s.label), ...s.actions.map((a) => bullet(a.text)));
        break;
      case 'followUp':
        out.push(heading2(s.label), ...s.entries.map((e) => bullet(e.text)));
        break;
      case 'nextMeeting':
        out.push(heading2(s.label), new Paragraph({ children: [text(s.text)] }));
        break;
      case 'recordedBy':
        out.push(new Paragraph({ spacing: { before: 360 }, children: [text(`${s.label}: `, { bold: true }), text(s.names.join(', '))] }));
        break;
      case 'approvedBy':
        out.push(new Paragraph({ spacing: { before: 240 }, children: [text(`${s.label}:`, { bold: true })] }));
        // A line to sign above each name, until the version is approved: then who approved it and when.
        for (const signer of s.signers.length ? s.signers : [{ name: '', role: undefined, approvedAt: undefined }]) {
          if (!s.approved) out.push(new Paragraph({ spacing: { before: 480 }, children: [text('_______________________________')] }));
          out.push(new Paragraph({ children: [text([[signer.name, signer.role].filter(Boolean).join(', '), signer.approvedAt].filter(Boolean).join(' '))] }));
        }
        break;
    }
  }
  return out;
}

/** The .docx of the minutes, as a Blob to download. */
export async function writeDocx(doc: MinutesDocument): Promise<Blob> {
  // Without the sanitizer (it failed to load), notes go in as their plain text: always safe.
  const readNotes: ReadNotes = await loadNotesReader().catch((e: unknown) => {
    console.warn('Justera: the sanitizer could not be loaded; notes go into the Word file as plain text', e);
    return (html: string): NotesBlock[] => htmlToText(html).split('\n').map((line) => ({ kind: 'paragraph', runs: [{ text: line }] }));
  });
  const file = new Document({
    title: clean(doc.properties.title),
    subject: clean(doc.properties.subject),
    creator: doc.properties.creator,
    lastModifiedBy: doc.properties.creator,
    styles: { default: { document: { run: { language: { value: doc.locale }, font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        { reference: BULLETS, levels: levels(LevelFormat.BULLET, (l) => ['•', '◦', '▪', '•'][l]!) },
        { reference: NUMBERS, levels: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`) },
      ],
    },
    sections: [{ children: paragraphs(doc, readNotes) }],
  });
  return Packer.toBlob(file);
}
