// Use case "publish" (DESIGN.md "Publishing"): the approved minutes reach the channel and Planner in
// one action, exactly once. What is published is the approved version as stored beside the minutes
// (signOffStore: the document the approvers approved, with who approved it and when), never the
// minutes as they render now.
//
// Round trips, each waiting only for what it needs:
//   1. the version, the answers, and (one $batch) the plan's buckets, the team's members and the
//      channel's newest messages;
//   2. (one $batch) the .docx by name, the bucket's tasks, and whether owners outside the team are
//      guests or gone;
//   3. the .docx uploaded, and the meeting's bucket created, side by side;
//   4. the channel message posted, and the tasks created ($batch), side by side;
//   5. the tasks' details read for their own eTags ($batch), then
//   6. written with If-Match on those eTags ($batch);
//   7. the record of what was created saved in the minutes.
// Before writing anything it looks for what an earlier, unfinished run created (domain/publish.ts
// says by which keys), so running it again after any single failure completes the job and creates
// no second file, message, bucket or task.

import type { Minutes, PersonRef, Publication } from '../domain/minutes';
import { Problem } from '../domain/problems';
import { approvedDocument, type MinutesDocument } from '../domain/render';
import { bucketName, isDescribed, matchTasks, plannedTasks, publicationRecord, type Assignment, type PlannedTask } from '../domain/publish';
import { directoryIdOf, roundStatus, sameId, type RoundStatus } from '../domain/signOff';
import { approvalsOf, currentRound, earlierVersions } from '../domain/signOffState';
import type { BucketPolicy } from '../domain/settings';
import type { Template } from '../domain/templates';
import { meetingTargetText } from '../domain/meetingLink';
import { listChannelMessages, messageFile, postChannelMessage, type ChannelMessageRef } from '../graph/channelMessages';
import * as files from '../graph/files';
import type { DriveItemRef } from '../graph/files';
import type { Graph, Outcome } from '../graph/graph';
import { teamMembers, type TeamMember } from '../graph/members';
import { bucketTasks, createBucket, createTask, patchTaskDetails, planBuckets, taskDetails, type PlannerTaskRef } from '../graph/planner';
import { userType } from '../graph/users';
import { meetingDeepLink, JUSTERA_APP, type TeamsApp } from './askOrganiser';
import { contentVersion } from './documentVersion';
import type { MinutesSync } from './minutesSync';
import { carriesMarker, publishMessage } from './publishMessage';
import { saved } from './sendForApproval';
import { signOffStore, type MeetingFolderAddress } from './signOffStore';

export interface PublishDeps {
  graph: Graph;
  /** The open minutes: the record of what was created is saved in them like any edit. */
  sync: Pick<MinutesSync, 'flush' | 'update' | 'minutes' | 'saveStatus'>;
  meetingFolder(): Promise<MeetingFolderAddress | undefined>;
  now(): Date;
  /** The document as a Word file (the tab's docx writer, loaded when needed). */
  toDocx(document: MinutesDocument): Promise<Blob>;
  app?: TeamsApp;
}

export interface PublishRequest {
  /** Who publishes: the signed-in user, with their directory id. */
  publisher: PersonRef & { userId: string };
  team: { teamId: string; channelId: string };
  planId?: string;
  bucketPolicy: BucketPolicy;
  /** The minutes' template: its header places "Justerat av", and it numbers paragraphs or not. */
  template: Pick<Template, 'header' | 'numberedParagraphs'>;
  /** The meeting: its key (answers name it), and what the Teams link names. */
  meeting: { key: string; iCalUId?: string; start: string };
}

export type PublishStep =
  | { step: 'reading' }
  | { step: 'document' }
  | { step: 'message' }
  | { step: 'tasks'; done: number; of: number }
  | { step: 'recording' };

/** An owner whose task could not be assigned, for the secretary. */
export interface UnassignedOwner {
  title: string;
  owner?: PersonRef;
  reason: NonNullable<PlannedTask['unassigned']>;
}

export interface PublishResult {
  publication: Publication;
  unassigned: UnassignedOwner[];
  /** The message was too large for Teams and was shortened to a summary linking the minutes. */
  shortened: boolean;
}

/** Why publishing cannot start: the round is not approved, or the minutes changed after approval. */
export function notApproved(code: 'not-approved' | 'changed' | 'no-plan', message: string): Problem {
  return new Problem('bad-data', message, { code });
}

const firstProblem = <T>(outcomes: readonly (Outcome<T> | undefined)[]): Problem | undefined => outcomes.find((o): o is { ok: false; problem: Problem } => o !== undefined && !o.ok)?.problem;

function valueOf<T>(outcome: Outcome<T> | undefined, what: string): T {
  if (!outcome) throw new Problem('bad-data', `No answer for ${what}`);
  if (!outcome.ok) throw outcome.problem;
  return outcome.value;
}

/** Messages posted since `since`, newest first: the first page, then further pages while they are not older. */
async function messagesSince(graph: Graph, team: PublishRequest['team'], first: { items: ChannelMessageRef[]; nextLink?: string }, since: string): Promise<ChannelMessageRef[]> {
  const out = [...first.items];
  let next = first.nextLink;
  const older = () => out.length > 0 && Date.parse(out.at(-1)!.created ?? '') < Date.parse(since);
  while (next && !older()) {
    const page = await graph.get({ ...listChannelMessages(team.teamId, team.channelId, 50), path: graph.relativeNextLink(next) });
    out.push(...page.items);
    next = page.nextLink;
  }
  return out;
}

/** Publishes the approved minutes; see the module's comment for the steps. */
export async function publish(deps: PublishDeps, request: PublishRequest, onStep: (step: PublishStep) => void = () => undefined): Promise<PublishResult> {
  const { graph } = deps;
  const { team, publisher } = request;
  onStep({ step: 'reading' });
  await saved(deps.sync);
  const minutes = deps.sync.minutes;
  const round = currentRound(minutes);
  if (!round) throw notApproved('not-approved', 'The minutes have not been sent for approval');
  if (!request.planId) throw notApproved('no-plan', "The group's Planner plan is not chosen in its settings");
  const folder = await deps.meetingFolder();
  if (!folder) throw new Problem('server', "The minutes' folder was not found");
  const store = signOffStore(graph, folder);

  // 1. The approved version and its answers; the plan's buckets, the team and the channel.
  const planId = request.planId;
  const chosenBucket = typeof request.bucketPolicy === 'object' ? request.bucketPolicy.bucketId : undefined;
  const [version, answers, [bucketsOutcome, membersOutcome, messagesOutcome], content] = await Promise.all([
    store.readVersion(round.version),
    store.listAnswers(),
    graph.batch([planBuckets(planId), teamMembers(team.teamId), listChannelMessages(team.teamId, team.channelId, 50)] as const),
    contentVersion(minutes),
  ]);
  const status: RoundStatus = roundStatus(round, request.meeting.key, round.content === undefined || content === round.content ? round.version : content, answers, earlierVersions(minutes));
  if (status.state === 'void') throw notApproved('changed', 'The minutes changed after they were sent for approval');
  const approvals = approvalsOf(status);
  if (!approvals) throw notApproved('not-approved', 'Not every approver has approved the minutes');
  const snapshot = version.snapshot;
  const approved: Minutes = snapshot.minutes;
  const document = approvedDocument(snapshot.document, request.template, approved.meeting.timeZone, approvals);

  const buckets = await graph.rest(valueOf(bucketsOutcome, 'the buckets'), planBuckets(planId));
  const members = await graph.rest(valueOf(membersOutcome, 'the members'), teamMembers(team.teamId));
  const messagesFirst = valueOf(messagesOutcome, 'the channel messages');
  const memberById = new Map<string, TeamMember>(members.map((m) => [m.userId.toLowerCase(), m]));
  const wantedBucket = chosenBucket ? buckets.find((b) => b.id === chosenBucket) : buckets.find((b) => b.name === bucketName(approved.meeting));
  if (chosenBucket && !wantedBucket) throw new Problem('not-found', "The group's chosen Planner bucket is gone", { code: 'no-bucket' });

  // 2. The .docx by name, the bucket's tasks, and who of the owners outside the team is a guest or gone.
  const owners = new Map<string, string>();
  for (const item of approved.agenda) {
    for (const a of item.actions) {
      const id = a.owner ? directoryIdOf(a.owner) : undefined;
      if (id && !memberById.has(id.toLowerCase())) owners.set(id.toLowerCase(), id);
    }
  }
  const outsiders = [...owners.values()];
  const [docOutcome, tasksOutcome, ...typeOutcomes] = await graph.batch([
    files.itemByPath(folder.driveId, folder.folderId, document.fileName),
    wantedBucket ? bucketTasks(wantedBucket.id) : undefined,
    ...outsiders.map((id) => userType(id)),
  ] as const);
  const existingDoc = valueOf(docOutcome, 'the Word file');
  const existingTasks = wantedBucket ? await graph.rest(valueOf(tasksOutcome, "the bucket's tasks")!, bucketTasks(wantedBucket.id)) : [];
  const outsiderType = new Map(outsiders.map((id, i) => [id.toLowerCase(), typeOutcomes[i]]));

  const assign = (owner: PersonRef): Assignment => {
    const id = directoryIdOf(owner);
    if (!id) return { reason: 'no-account' };
    const member = memberById.get(id.toLowerCase());
    if (member) return { userId: member.userId };
    const type = outsiderType.get(id.toLowerCase());
    if (type?.ok && type.value === undefined) return { reason: 'no-account' };
    return type?.ok && type.value === 'Guest' ? { reason: 'guest' } : { reason: 'not-member' };
  };
  const meetingLink = (itemId: string) =>
    meetingDeepLink(request.meeting.iCalUId ? `${meetingTargetText({ iCalUId: request.meeting.iCalUId, start: request.meeting.start })}&item=${encodeURIComponent(itemId)}` : undefined, deps.app ?? JUSTERA_APP);

  // 3. The .docx (unless an earlier run saved it after this version was sent), and the meeting's bucket.
  onStep({ step: 'document' });
  const docIsOurs = (item: DriveItemRef | undefined): item is DriveItemRef =>
    item !== undefined && !item.isFolder && Date.parse(item.lastModified) >= Date.parse(round.sentAt) && sameId(item.lastModifiedBy?.id, publisher.userId);
  const [docItem, bucket] = await Promise.all([
    docIsOurs(existingDoc)
      ? existingDoc
      : deps.toDocx(document).then((blob) => graph.send(files.uploadFile(folder.driveId, folder.folderId, document.fileName, blob, { conflictBehavior: 'replace' }))),
    wantedBucket ?? graph.send(createBucket(planId, bucketName(approved.meeting))),
  ]);

  const planned = plannedTasks(approved, {
    numbered: !!request.template.numberedParagraphs,
    title: document.title + (document.subtitle ? `, ${document.subtitle}` : ''),
    assign,
    links: { document: { url: docItem.webUrl, name: docItem.name }, item: meetingLink },
  });
  const found = matchTasks(planned, existingTasks, { userId: publisher.userId, bucketId: bucket.id, since: round.sentAt });
  const toCreate = planned.filter((p) => !found.has(p.actionId));

  // 4. The message (unless an earlier run posted it) and the tasks not yet created, side by side.
  onStep({ step: 'message' });
  const mentionable = (owner: PersonRef) => {
    const a = assign(owner);
    return 'userId' in a ? a.userId : undefined;
  };
  const message = publishMessage({ document, minutes: approved, version: round.version, documentUrl: docItem.webUrl, mentionable });
  const postMessage = async (): Promise<ChannelMessageRef> => {
    const posted = (await messagesSince(graph, team, messagesFirst, round.sentAt)).find((m) => sameId(m.fromUserId, publisher.userId) && carriesMarker(m.content, round.version));
    if (posted) return posted;
    const file = messageFile(docItem);
    if (!file) throw new Problem('bad-data', 'The Word file has no id a message can attach');
    return graph.send(postChannelMessage(team.teamId, team.channelId, { html: message.html, subject: message.subject, mentions: message.mentions, files: [file] }));
  };
  let tasksDone = found.size;
  onStep({ step: 'tasks', done: tasksDone, of: planned.length });
  const [posted, created] = await Promise.all([
    postMessage(),
    graph.batchWrites(
      toCreate.map((p) => createTask({ planId, bucketId: bucket.id, title: p.title, assigneeIds: p.assigneeIds, dueDateTime: p.dueDateTime })),
    ),
  ]);
  const createProblem = firstProblem(created);
  const taskIds = new Map<string, string>([...found].map(([actionId, t]) => [actionId, t.id]));
  toCreate.forEach((p, i) => {
    const o = created[i];
    if (o?.ok) taskIds.set(p.actionId, (o.value as PlannerTaskRef).id);
  });
  tasksDone = taskIds.size;
  onStep({ step: 'tasks', done: tasksDone, of: planned.length });
  if (createProblem) throw createProblem;

  // 5-6. Each task's details: read for their own eTag, then written where they do not yet say it.
  const withTask = planned.filter((p) => taskIds.has(p.actionId));
  const details = await graph.batch(withTask.map((p) => taskDetails(taskIds.get(p.actionId)!)));
  const detailsProblem = firstProblem(details);
  if (detailsProblem) throw detailsProblem;
  const patches = withTask.map((p, i) => {
    const d = details[i]!;
    if (!d.ok || isDescribed(d.value, p)) return undefined;
    return patchTaskDetails(taskIds.get(p.actionId)!, d.value.eTag, { description: p.description, previewType: 'description', references: p.references });
  });
  const patched = await graph.batchWrites(patches);
  const patchProblem = firstProblem(patched);
  if (patchProblem) throw patchProblem;

  // 7. The record, in the minutes.
  onStep({ step: 'recording' });
  const publication = publicationRecord({
    version: round.version,
    publishedAt: deps.now().toISOString(),
    publishedBy: { key: publisher.key, displayName: publisher.displayName, email: publisher.email },
    document: { id: docItem.id, name: docItem.name, webUrl: docItem.webUrl },
    message: { id: posted.id, webUrl: posted.webUrl },
    planId,
    bucket: { id: bucket.id, name: bucket.name },
    planned,
    taskIds,
  });
  deps.sync.update((m) => ({ ...m, publication }));
  await saved(deps.sync);
  return {
    publication,
    unassigned: planned.flatMap((p) => (p.unassigned ? [{ title: p.title, owner: p.owner, reason: p.unassigned }] : [])),
    shortened: message.shortened,
  };
}
