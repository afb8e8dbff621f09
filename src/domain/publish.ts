// The publish plan (DESIGN.md "Publishing"): given the approved version of the minutes and what
// already exists in the tenant, what is still to create. Pure: app/publish.ts reads the tenant, asks
// this module, and writes only what it says is missing, so running it again after any failure
// finishes the job and creates nothing twice.
//
// Each object publishing creates carries a key a rerun finds it by:
//   the .docx      its name, beside the minutes (the rendered document's fileName);
//   the message   the marker of the approved version in its text (app/publishMessage.ts), posted by us;
//   the bucket    its name, made from the meeting (per-meeting policy), or the group's chosen bucket;
//   each task     its title in that bucket, created by us after the version was sent; titles are
//                 made unique within one publish, and a task created for an earlier meeting is
//                 older than this version, so it is never taken for one of these;
//   its details   our description and the reference back to the minutes: written once, and a
//                 rerun writes them only where they are not yet there.

import type { Action, AgendaItem, Minutes, PersonRef, Publication, PublishedTask, UnassignedReason } from './minutes';
import { paragraphNumbers } from './minutes';
import type { Language } from './templates';

/** Planner's longest title (plannertask: 255 characters). */
export const MAX_TITLE = 255;

/** Whether an owner can be assigned in the group's plan: their directory id, or why not. */
export type Assignment = { userId: string } | { reason: Exclude<UnassignedReason, 'no-owner'> };

export interface TaskLinks {
  /** The .docx of the approved version; unknown yet when only the titles and owners are wanted. */
  document?: { url: string; name: string };
  /** A link that opens these minutes at an agenda item (a Teams deep link). */
  item(itemId: string): string;
}

export interface PlannedTask {
  actionId: string;
  itemId: string;
  /** Unique among this publish's tasks: the key a rerun finds the task by. */
  title: string;
  /** ISO instant: the due date at noon UTC, the same calendar day in every European zone. */
  dueDateTime?: string;
  assigneeIds: string[];
  owner?: PersonRef;
  unassigned?: UnassignedReason;
  /** Plain text, as Planner shows it. */
  description: string;
  /** Back to the minutes: the agenda item in Teams, and the Word file. */
  references: { url: string; alias: string; type: 'Other' | 'Word' }[];
}

const WORDS: Record<Language, {
  owner: string;
  due: string;
  from: string;
  notAssigned: Record<UnassignedReason, string>;
  openItem: string;
}> = {
  sv: {
    owner: 'Ansvarig',
    due: 'Senast',
    from: 'Från',
    notAssigned: {
      guest: 'gästkonto, kan inte tilldelas uppgifter i gruppens Planner',
      'not-member': 'inte medlem i gruppen, kan inte tilldelas uppgifter i dess Planner',
      'no-account': 'finns inte i organisationens katalog, kan inte tilldelas',
      'no-owner': 'ingen ansvarig angiven i protokollet',
    },
    openItem: 'Punkten i protokollet',
  },
  en: {
    owner: 'Owner',
    due: 'Due',
    from: 'From',
    notAssigned: {
      guest: 'guest account, cannot be assigned tasks in the group’s Planner',
      'not-member': 'not a member of the group, cannot be assigned tasks in its Planner',
      'no-account': 'not in the organisation’s directory, cannot be assigned',
      'no-owner': 'the minutes name no owner',
    },
    openItem: 'The item in the minutes',
  },
};

/** The bucket a meeting's tasks go to under the per-meeting policy: "2026-12-04 Samordningsgrupp Nära vård". */
export function bucketName(meeting: Pick<Minutes['meeting'], 'start' | 'timeZone' | 'subject'>): string {
  let date: string;
  try {
    date = new Intl.DateTimeFormat('sv-SE', { timeZone: meeting.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(meeting.start));
  } catch {
    date = meeting.start.slice(0, 10);
  }
  return `${date} ${meeting.subject.trim()}`.trim().slice(0, MAX_TITLE);
}

/** "§ 47 Ekonomi", or the item's title in minutes without numbered paragraphs. */
function itemLabel(item: AgendaItem, numbers: Map<string, number> | undefined): string {
  const n = numbers?.get(item.id);
  return [n === undefined ? undefined : `§ ${n}`, item.title.trim()].filter(Boolean).join(' ');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The tasks the approved minutes' actions become, in the order of the minutes: each assigned to its
 * owner when Planner can, else unassigned with the owner named in its description and the reason.
 */
export function plannedTasks(
  minutes: Pick<Minutes, 'agenda' | 'firstParagraph' | 'language' | 'meeting'>,
  opts: { numbered: boolean; title: string; assign(owner: PersonRef): Assignment; links: TaskLinks },
): PlannedTask[] {
  const words = WORDS[minutes.language] ?? WORDS.sv;
  const numbers = opts.numbered ? paragraphNumbers(minutes) : undefined;
  const seen = new Map<string, number>();
  return minutes.agenda.flatMap((item) =>
    item.actions
      .filter((a) => a.what.trim() !== '')
      .map((action): PlannedTask => {
        const base = oneLine(action.what).slice(0, MAX_TITLE - 5);
        const count = (seen.get(base) ?? 0) + 1;
        seen.set(base, count);
        const title = count === 1 ? base : `${base} (${count})`;
        const assignment: Assignment | { reason: 'no-owner' } = action.owner ? opts.assign(action.owner) : { reason: 'no-owner' };
        const unassigned = 'reason' in assignment ? assignment.reason : undefined;
        return {
          actionId: action.id,
          itemId: item.id,
          title,
          dueDateTime: action.due ? `${action.due}T12:00:00Z` : undefined,
          assigneeIds: 'userId' in assignment ? [assignment.userId] : [],
          owner: action.owner,
          unassigned,
          description: description(action, item, unassigned, opts.title, itemLabel(item, numbers), words),
          references: [
            { url: opts.links.item(item.id), alias: `${words.openItem}: ${itemLabel(item, numbers)}`.slice(0, 200), type: 'Other' as const },
            ...(opts.links.document ? [{ url: opts.links.document.url, alias: opts.links.document.name, type: 'Word' as const }] : []),
          ],
        };
      }),
  );
}

function description(action: Action, item: AgendaItem, unassigned: UnassignedReason | undefined, title: string, label: string, words: (typeof WORDS)[Language]): string {
  const owner = action.owner
    ? `${words.owner}: ${action.owner.displayName}${action.owner.organisation ? `, ${action.owner.organisation}` : ''}${unassigned ? ` (${words.notAssigned[unassigned]})` : ''}`
    : `${words.owner}: – (${words.notAssigned['no-owner']})`;
  return [action.what.trim(), '', owner, action.due ? `${words.due}: ${action.due}` : undefined, `${words.from}: ${title}, ${label}`]
    .filter((l) => l !== undefined)
    .join('\n');
}

/** A task as the plan lists it: what matching needs. */
export interface ExistingTask {
  id: string;
  title: string;
  bucketId?: string;
  createdBy?: string;
  createdDateTime?: string;
  assigneeIds: string[];
}

/**
 * The tasks of an earlier, unfinished run: in the bucket, created by the publisher, not before the
 * version was sent, with a planned task's title. Tasks with the same title are paired in the order
 * they were created; a task that pairs with nothing planned is someone else's and is left alone.
 */
export function matchTasks(planned: readonly PlannedTask[], existing: readonly ExistingTask[], by: { userId: string; bucketId: string; since: string }): Map<string, ExistingTask> {
  const since = Date.parse(by.since);
  const candidates = existing
    .filter((t) => t.bucketId === by.bucketId && t.createdBy?.toLowerCase() === by.userId.toLowerCase() && Date.parse(t.createdDateTime ?? '') >= since)
    .sort((a, b) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? ''));
  const found = new Map<string, ExistingTask>();
  const taken = new Set<string>();
  for (const p of planned) {
    const t = candidates.find((c) => !taken.has(c.id) && c.title === p.title);
    if (t) {
      taken.add(t.id);
      found.set(p.actionId, t);
    }
  }
  return found;
}

/** Whether a task's details already say what publishing writes: then a rerun leaves them alone. */
export function isDescribed(details: { description: string; references: readonly { url: string }[] }, planned: PlannedTask): boolean {
  return details.description === planned.description && planned.references.every((r) => details.references.some((x) => x.url === r.url));
}

/** Why the minutes cannot be published now; none when they can. */
export type PublishRefusal =
  /** The current round is not approved by every approver (or there is none). */
  | 'not-approved'
  /** The minutes changed after they were approved: a new round must approve them first. */
  | 'changed'
  /** The group's plan is not known: Planner tasks have nowhere to go. */
  | 'no-plan';

/** The record of a finished publish, kept in the minutes. */
export function publicationRecord(input: Omit<Publication, 'tasks'> & { planned: readonly PlannedTask[]; taskIds: ReadonlyMap<string, string> }): Publication {
  const tasks: PublishedTask[] = input.planned.flatMap((p) => {
    const taskId = input.taskIds.get(p.actionId);
    return taskId ? [{ actionId: p.actionId, taskId, title: p.title, assigneeIds: p.assigneeIds, ...(p.unassigned ? { unassigned: p.unassigned } : {}) }] : [];
  });
  const { planned: _p, taskIds: _t, ...rest } = input;
  return { ...rest, tasks };
}
