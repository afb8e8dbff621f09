// The baseline the publish bench compares with: the same publish done one request at a time, in
// order, no $batch and nothing in parallel. Same graph-port calls and domain code as
// src/app/publish.ts (which says why each step is there); it starts on a fresh tenant, so what an
// earlier run made is looked for (the requests are made) but never found.

import { publishedRecord, type PublishDeps, type PublishRequest } from '../src/app/publish';
import { publishMessage } from '../src/app/publishMessage';
import { signOffStore, SIGN_OFF_FOLDER } from '../src/app/signOffStore';
import { contentVersion } from '../src/app/documentVersion';
import { meetingDeepLink, JUSTERA_APP } from '../src/app/askOrganiser';
import { meetingTargetText } from '../src/domain/meetingLink';
import type { PersonRef } from '../src/domain/minutes';
import { bucketName, plannedTasks, type Assignment } from '../src/domain/publish';
import { approvedDocument } from '../src/domain/render';
import { directoryIdOf, roundStatus, type AnswerFile } from '../src/domain/signOff';
import { approvalsOf, currentRound, earlierVersions } from '../src/domain/signOffState';
import { listChannelMessages, messageFile, postChannelMessage } from '../src/graph/channelMessages';
import * as files from '../src/graph/files';
import { teamMembers } from '../src/graph/members';
import { bucketTasks, createBucket, createTask, patchTaskDetails, planBuckets, taskDetails } from '../src/graph/planner';
import { userType } from '../src/graph/users';

export async function naivePublish(deps: PublishDeps, request: PublishRequest): Promise<void> {
  const { graph, sync } = deps;
  const { team, publisher } = request;
  const planId = request.planId!;
  await sync.flush();
  const minutes = sync.minutes;
  const round = currentRound(minutes)!;
  const folder = (await deps.meetingFolder())!;

  const version = await signOffStore(graph, folder).readVersion(round.version);
  const signOff = await graph.get(files.itemByPath(folder.driveId, folder.folderId, SIGN_OFF_FOLDER));
  const answers: AnswerFile[] = [];
  for (const item of signOff ? await graph.all(files.children(folder.driveId, signOff.id)) : []) {
    if (item.isFolder || !item.name.startsWith('svar-')) continue;
    const file = await files.downloadText(graph, folder.driveId, item.id);
    answers.push({ name: item.name, createdBy: item.createdBy, lastModifiedBy: item.lastModifiedBy, createdDateTime: item.created ?? item.lastModified, content: JSON.parse(file.text) });
  }
  const content = await contentVersion(minutes);
  const approvals = approvalsOf(roundStatus(round, request.meeting.key, round.content === undefined || content === round.content ? round.version : content, answers, earlierVersions(minutes)));
  if (!approvals) throw new Error('naive publish: the minutes are not approved');
  const approved = version.snapshot.minutes;
  const document = approvedDocument(version.snapshot.document, request.template, approved.meeting.timeZone, approvals);

  const buckets = await graph.all(planBuckets(planId));
  const members = new Map((await graph.all(teamMembers(team.teamId))).map((m) => [m.userId.toLowerCase(), m.userId]));
  await graph.get(listChannelMessages(team.teamId, team.channelId, 50));
  const existingDoc = await graph.get(files.itemByPath(folder.driveId, folder.folderId, document.fileName));
  const wantedBucket = buckets.find((b) => b.name === bucketName(approved.meeting));
  if (wantedBucket) await graph.all(bucketTasks(wantedBucket.id));
  if (existingDoc) throw new Error('naive publish: starts on a fresh tenant, found a Word file already there');

  const types = new Map<string, 'Member' | 'Guest' | undefined>();
  for (const a of approved.agenda.flatMap((i) => i.actions)) {
    const id = a.owner && directoryIdOf(a.owner)?.toLowerCase();
    if (id && !members.has(id) && !types.has(id)) types.set(id, await graph.get(userType(id)));
  }
  const assign = (owner: PersonRef): Assignment => {
    const id = directoryIdOf(owner)?.toLowerCase();
    if (!id || (types.has(id) && types.get(id) === undefined)) return { reason: 'no-account' };
    const member = members.get(id);
    if (member) return { userId: member };
    return { reason: types.get(id) === 'Guest' ? 'guest' : 'not-member' };
  };

  const docItem = await graph.send(files.uploadFile(folder.driveId, folder.folderId, document.fileName, await deps.toDocx(document), { conflictBehavior: 'replace' }));
  const bucket = wantedBucket ?? (await graph.send(createBucket(planId, bucketName(approved.meeting))));
  const { iCalUId, start } = request.meeting;
  const planned = plannedTasks(approved, {
    numbered: !!request.template.numberedParagraphs,
    title: document.title + (document.subtitle ? `, ${document.subtitle}` : ''),
    assign,
    links: {
      document: { url: docItem.webUrl, name: docItem.name },
      item: (itemId) => meetingDeepLink(iCalUId ? `${meetingTargetText({ iCalUId, start })}&item=${encodeURIComponent(itemId)}` : undefined, deps.app ?? JUSTERA_APP),
    },
  });
  const mentionable = (owner: PersonRef) => {
    const a = assign(owner);
    return 'userId' in a ? a.userId : undefined;
  };
  const message = publishMessage({ document, minutes: approved, version: round.version, documentUrl: docItem.webUrl, mentionable });
  const posted = await graph.send(postChannelMessage(team.teamId, team.channelId, { html: message.html, subject: message.subject, mentions: message.mentions, files: [messageFile(docItem)!] }));

  const taskIds = new Map<string, string>();
  for (const p of planned) {
    taskIds.set(p.actionId, (await graph.send(createTask({ planId, bucketId: bucket.id, title: p.title, assigneeIds: p.assigneeIds, dueDateTime: p.dueDateTime }))).id);
  }
  const eTags: string[] = [];
  for (const p of planned) eTags.push((await graph.get(taskDetails(taskIds.get(p.actionId)!))).eTag);
  for (const [i, p] of planned.entries()) {
    await graph.send(patchTaskDetails(taskIds.get(p.actionId)!, eTags[i]!, { description: p.description, previewType: 'description', references: p.references }));
  }

  const publication = publishedRecord({ version: round.version, at: deps.now(), publisher, docItem, posted, planId, bucket, planned, taskIds });
  sync.update((m) => ({ ...m, publication }));
  await sync.flush();
  if (sync.saveStatus.kind !== 'saved') throw new Error(`naive publish: the record was not saved (${sync.saveStatus.kind})`);
}
