// What changed between two versions of the minutes as the chair reads them (render.ts documents):
// the approval pane shows it beside a version she saw before, so she reads only what is new.
// Agenda items are followed by their id (renamed, moved or renumbered, an item is the same item);
// everything else by what the template calls it.

import type { DocumentItem, DocumentSection, MinutesDocument } from './render';
import { canonicalJson } from './signOff';

export type VersionChange =
  | { kind: 'title'; before: string; after: string }
  /** A header field: date, time, place, the attendance lists, chair, adjusters... */
  | { kind: 'header'; label: string }
  | { kind: 'item-added' | 'item-removed' | 'item-changed'; id: string; heading: string }
  | { kind: 'item-moved'; id: string; heading: string }
  /** A section other than the agenda: follow-up, next meeting, actions, who kept or approves the minutes. */
  | { kind: 'section'; label: string };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** An item's content, without what only its position gives it (its § number and the heading that carries it). */
const itemContent = ({ number: _n, heading: _h, ...rest }: DocumentItem) => rest;

const agendaOf = (doc: MinutesDocument) => doc.sections.find((s): s is Extract<DocumentSection, { kind: 'agenda' }> => s.kind === 'agenda')?.items ?? [];

export function versionChanges(before: MinutesDocument, after: MinutesDocument): VersionChange[] {
  const changes: VersionChange[] = [];
  if (before.title !== after.title) changes.push({ kind: 'title', before: before.title, after: after.title });

  const headerIds = [...new Set([...before.header.map((f) => f.id), ...after.header.map((f) => f.id)])];
  for (const id of headerIds) {
    const b = before.header.find((f) => f.id === id);
    const a = after.header.find((f) => f.id === id);
    if (b?.value !== a?.value) changes.push({ kind: 'header', label: (a ?? b)!.label });
  }

  const beforeItems = agendaOf(before);
  const afterItems = agendaOf(after);
  const beforeOrder = beforeItems.map((i) => i.id).filter((id) => afterItems.some((i) => i.id === id));
  const afterOrder = afterItems.map((i) => i.id).filter((id) => beforeItems.some((i) => i.id === id));
  for (const item of afterItems) {
    const old = beforeItems.find((i) => i.id === item.id);
    if (!old) changes.push({ kind: 'item-added', id: item.id, heading: item.heading });
    else if (!same(itemContent(old), itemContent(item))) changes.push({ kind: 'item-changed', id: item.id, heading: item.heading });
    else if (beforeOrder.indexOf(item.id) !== afterOrder.indexOf(item.id)) changes.push({ kind: 'item-moved', id: item.id, heading: item.heading });
  }
  for (const item of beforeItems) {
    if (!afterItems.some((i) => i.id === item.id)) changes.push({ kind: 'item-removed', id: item.id, heading: item.heading });
  }

  const kinds = [...new Set([...before.sections, ...after.sections].map((s) => s.kind))].filter((k) => k !== 'agenda');
  for (const kind of kinds) {
    const b = before.sections.find((s) => s.kind === kind);
    const a = after.sections.find((s) => s.kind === kind);
    if (!same(b, a)) changes.push({ kind: 'section', label: (a ?? b)!.label });
  }
  return changes;
}
