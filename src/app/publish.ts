// Use case "publish" (DESIGN.md "Publishing"): the approved minutes reach the channel and Planner in
// one action, exactly once. What is published is the approved version as stored beside the minutes
// (signOffStore: the document the approvers approved, with who approved it and when), never the
// minutes as they render now.
//
// Round trips, each waiting only for what it needs (`npm run bench` counts them):
//   1-2. the version and the answers (each a listing, then the bytes), beside one $batch of the plan's
//        buckets, the team's members, the channel's newest messages and the meeting's folder, then
//        one $batch of the bucket's tasks and whether owners outside the team are guests or gone;
//   then nothing is written before the answers say every approver approved this version; then three
//   chains side by side:
//   3-4. the .docx uploaded, then the channel message posted;
//   3-6. the meeting's bucket created (when it is not there), the tasks created ($batch), their
//        details read for their own eTags ($batch), then written with If-Match on them ($batch);
//   7. the record of what was created saved in the minutes.
// With the bucket there already (the group's chosen bucket, or a rerun) it is one round trip fewer.
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

/** What publishing created, as the minutes record it: from what Graph answered for each object. */
export function publishedRecord(r: {
  version: string;
  at: Date;
  publisher: PersonRef;
  docItem: Pick<DriveItemRef, 'id' | 'name' | 'webUrl'>;
  posted: Pick<ChannelMessageRef, 'id' | 'webUrl'>;
  planId: string;
  bucket: { id: string; name: string };
  planned: readonly PlannedTask[];
  taskIds: ReadonlyMap<string, string>;
}): Publication {
  return publicationRecord({
    version: r.version,
    publishedAt: r.at.toISOString(),
    publishedBy: { key: r.publisher.key, displayName: r.publisher.displayName, email: r.publisher.email },
    document: { id: r.docItem.id, name: r.docItem.name, webUrl: r.docItem.webUrl },
    message: { id: r.posted.id, webUrl: r.posted.webUrl },
    planId: r.planId,
    bucket: { id: r.bucket.id, name: r.bucket.name },
    planned: r.planned,
    taskIds: r.taskIds,
  });
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

  // 1-2. The approved version and its answers, beside what exists: the plan's buckets, the team, the
  // channel and the meeting's folder, then the bucket's tasks and whether owners outside the team are
  // guests or gone. Owners are read from the minutes as they are: once approved, their content is the
  // approved version's (signedContent), so the same owners.
  const planId = request.planId;
  const chosenBucket = typeof request.bucketPolicy === 'object' ? request.bucketPolicy.bucketId : undefined;
  const discovery = (async () => {
    const [bucketsOutcome, membersOutcome, messagesOutcome, filesOutcome] = await graph.batch([
      planBuckets(planId),
      teamMembers(team.teamId),
      listChannelMessages(team.teamId, team.channelId, 50),
      files.children(folder.driveId, folder.folderId),
    ] as const);
    const [buckets, members, folderFiles] = await Promise.all([
      graph.rest(valueOf(bucketsOutcome, 'the buckets'), planBuckets(planId)),
      graph.rest(valueOf(membersOutcome, 'the members'), teamMembers(team.teamId)),
      graph.rest(valueOf(filesOutcome, "the meeting's folder"), files.children(folder.driveId, folder.folderId)),
    ]);
    const memberById = new Map<string, TeamMember>(members.map((m) => [m.userId.toLowerCase(), m]));
    const wantedBucket = chosenBucket ? buckets.find((b) => b.id === chosenBucket) : buckets.find((b) => b.name === bucketName(minutes.meeting));
    const outsiders = [
      ...new Set(
        minutes.agenda.flatMap((item) =>
          item.actions.flatMap((a) => {
            const id = a.owner ? directoryIdOf(a.owner)?.toLowerCase() : undefined;
            return id && !memberById.has(id) ? [id] : [];
          }),
        ),
      ),
    ];
    const [tasksOutcome, ...typeOutcomes] = await graph.batch([wantedBucket ? bucketTasks(wantedBucket.id) : undefined, ...outsiders.map((id) => userType(id))] as const);
    const existingTasks = wantedBucket ? await graph.rest(valueOf(tasksOutcome, "the bucket's tasks")!, bucketTasks(wantedBucket.id)) : [];
    return { memberById, wantedBucket, folderFiles, existingTasks, messagesFirst: valueOf(messagesOutcome, 'the channel messages'), outsiderType: new Map(outsiders.map((id, i) => [id, typeOutcomes[i]])) };
  })();
  const [version, answers, content, found] = await Promise.all([store.readVersion(round.version), store.listAnswers(), contentVersion(minutes), discovery]);
  // The minutes' content as sent: the round's hash, or (a round recorded without one) the stored version's minutes hashed.
  const sentContent = round.content ?? (await contentVersion(version.snapshot.minutes));
  const status: RoundStatus = roundStatus(round, request.meeting.key, content === sentContent ? round.version : content, answers, earlierVersions(minutes));
  if (status.state === 'void') throw notApproved('changed', 'The minutes changed after they were sent for approval');
  const approvals = approvalsOf(status);
  if (!approvals) throw notApproved('not-approved', 'Not every approver has approved the minutes');
  if (chosenBucket && !found.wantedBucket) throw new Problem('not-found', "The group's chosen Planner bucket is gone", { code: 'no-bucket' });
  const snapshot = version.snapshot;
  const approved: Minutes = snapshot.minutes;
  const document = approvedDocument(snapshot.document, request.template, approved.meeting.timeZone, approvals);
  const { memberById, outsiderType } = found;

  const assign = (owner: PersonRef): Assignment => {
    const id = directoryIdOf(owner)?.toLowerCase();
    if (!id) return { reason: 'no-account' };
    const member = memberById.get(id);
    if (member) return { userId: member.userId };
    const type = outsiderType.get(id);
    if (type?.ok && type.value === undefined) return { reason: 'no-account' };
    return type?.ok && type.value === 'Guest' ? { reason: 'guest' } : { reason: 'not-member' };
  };
  const meetingLink = (itemId: string) =>
    meetingDeepLink(request.meeting.iCalUId ? `${meetingTargetText({ iCalUId: request.meeting.iCalUId, start: request.meeting.start })}&item=${encodeURIComponent(itemId)}` : undefined, deps.app ?? JUSTERA_APP);
  // The tasks' titles and owners do not depend on the Word file; their links back do.
  const plan = (doc?: DriveItemRef) =>
    plannedTasks(approved, {
      numbered: !!request.template.numberedParagraphs,
      title: document.title + (document.subtitle ? `, ${document.subtitle}` : ''),
      assign,
      links: { document: doc ? { url: doc.webUrl, name: doc.name } : undefined, item: meetingLink },
    });

  // 3-6. Three chains side by side, each waiting only for what it needs:
  //   the .docx (unless an earlier run saved it after this version was sent), then the message;
  //   the bucket (unless it is there), the tasks not yet created, their details read for their eTags,
  //   then written (they link the .docx, so they wait for it).
  onStep({ step: 'document' });
  const existingDoc = found.folderFiles.find((f) => !f.isFolder && f.name === document.fileName);
  const docIsOurs = existingDoc !== undefined && Date.parse(existingDoc.lastModified) >= Date.parse(round.sentAt) && sameId(existingDoc.lastModifiedBy?.id, publisher.userId);
  const docItemP: Promise<DriveItemRef> = docIsOurs
    ? Promise.resolve(existingDoc)
    : deps.toDocx(document).then((blob) => graph.send(files.uploadFile(folder.driveId, folder.folderId, document.fileName, blob, { conflictBehavior: 'replace' })));

  const mentionable = (owner: PersonRef) => {
    const a = assign(owner);
    return 'userId' in a ? a.userId : undefined;
  };
  let shortened = false;
  const postedP = docItemP.then(async (docItem): Promise<ChannelMessageRef> => {
    onStep({ step: 'message' });
    const posted = (await messagesSince(graph, team, found.messagesFirst, round.sentAt)).find((m) => sameId(m.fromUserId, publisher.userId) && carriesMarker(m.content, round.version));
    if (posted) return posted;
    const message = publishMessage({ document, minutes: approved, version: round.version, documentUrl: docItem.webUrl, mentionable });
    shortened = message.shortened;
    const file = messageFile(docItem);
    if (!file) throw new Problem('bad-data', 'The Word file has no id a message can attach');
    return graph.send(postChannelMessage(team.teamId, team.channelId, { html: message.html, subject: message.subject, mentions: message.mentions, files: [file] }));
  });

  const tasksP = (async () => {
    const bucket = found.wantedBucket ?? (await graph.send(createBucket(planId, bucketName(approved.meeting))));
    const titles = plan();
    const existing = matchTasks(titles, found.existingTasks, { userId: publisher.userId, bucketId: bucket.id, since: round.sentAt });
    const toCreate = titles.filter((p) => !existing.has(p.actionId));
    onStep({ step: 'tasks', done: existing.size, of: titles.length });
    const created = await graph.batchWrites(toCreate.map((p) => createTask({ planId, bucketId: bucket.id, title: p.title, assigneeIds: p.assigneeIds, dueDateTime: p.dueDateTime })));
    const taskIds = new Map<string, string>([...existing].map(([actionId, t]) => [actionId, t.id]));
    toCreate.forEach((p, i) => {
      const o = created[i];
      if (o?.ok) taskIds.set(p.actionId, (o.value as PlannerTaskRef).id);
    });
    onStep({ step: 'tasks', done: taskIds.size, of: titles.length });
    const createProblem = firstProblem(created);
    if (createProblem) throw createProblem;

    const withTask = titles.filter((p) => taskIds.has(p.actionId));
    const details = await graph.batch(withTask.map((p) => taskDetails(taskIds.get(p.actionId)!)));
    const detailsProblem = firstProblem(details);
    if (detailsProblem) throw detailsProblem;
    const planned = plan(await docItemP);
    const byAction = new Map(planned.map((p) => [p.actionId, p]));
    const patches = withTask.map((t, i) => {
      const d = details[i]!;
      const p = byAction.get(t.actionId)!;
      if (!d.ok || isDescribed(d.value, p)) return undefined;
      return patchTaskDetails(taskIds.get(p.actionId)!, d.value.eTag, { description: p.description, previewType: 'description', references: p.references });
    });
    const patchProblem = firstProblem(await graph.batchWrites(patches));
    if (patchProblem) throw patchProblem;
    return { bucket, planned, taskIds };
  })();

  // Every chain ends before the outcome is known: a rerun never meets requests of this one still running.
  const settled = await Promise.allSettled([docItemP, postedP, tasksP]);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const [docItem, posted, { bucket, planned, taskIds }] = await Promise.all([docItemP, postedP, tasksP]);

  // 7. The record, in the minutes.
  onStep({ step: 'recording' });
  const publication = publishedRecord({ version: round.version, at: deps.now(), publisher, docItem, posted, planId, bucket, planned, taskIds });
  deps.sync.update((m) => ({ ...m, publication }));
  await saved(deps.sync);
  return {
    publication,
    unassigned: planned.flatMap((p) => (p.unassigned ? [{ title: p.title, owner: p.owner, reason: p.unassigned }] : [])),
    shortened,
  };
}
