// Wires the ports for the UI: Graph client, token provider and local store, chosen by configuration.
// Loaded as a lazy chunk so the tab's shell and host context render before the Graph client arrives.

import type { TokenProvider } from '../auth/tokenProvider';
import { hostTokenProvider } from '../auth/hostTokenProvider';
import type { AppConfig } from '../config/config';
import type { MeetingListItem } from '../domain/meeting';
import { createGraphClient } from '../graph/client';
import { Graph } from '../graph/graph';
import * as people from '../graph/people';
import type { PersonRef } from '../domain/minutes';
import { personKey } from '../domain/people';
import type { Host } from '../host/host';
import { documentVisibility } from '../host/pageVisibility';
import { indexedDbGroups, indexedDbMinutes, indexedDbStore } from '../store/indexedDbStore';
import type { LocalStore } from '../store/localStore';
import type { DateWindow } from '../domain/dateWindow';
import { answerRandom, approvalService, type ApprovalService } from './approval';
import { askOrganiser, type OrganiserRequest } from './askOrganiser';
import { groupSettingsService, type GroupSettingsService } from './groupSettings';
import { chooseGroup, findGroup, groupsWithJustera, type ChosenGroup, type GroupSearch, type MeetingGroup } from './meetingGroup';
import type { Meeting } from '../domain/meeting';
import { listMyMeetings } from './myMeetings';
import { openMinutes, type FreshInput, type MinutesGroup, type OpenedMinutes } from './openMinutes';
import { prefill, type MeetingRef, type Prefill, type PrefillStep } from './prefill';
import type { AnswerFile, Approver, SignOffRound } from '../domain/signOff';
import type { Problem } from '../domain/problems';
import { watchAnswers } from './signOffAnswers';
import { approverWarnings, sendForApproval, type ApprovalRequest, type ApproverWarning, type SendProgress, type SendStep } from './sendForApproval';
import { signOffStore } from './signOffStore';
import type { PublishRequest, PublishResult, PublishStep } from './publish';
import type { FollowUpStatus } from '../domain/followUpStatus';
import type { FollowUp } from '../domain/minutes';
import { followUpStatuses } from './followUpStatus';
import { yearService, type YearService } from './yearService';
import { indexedDbYearCache } from '../store/yearCache';

/** The follow-up's status from Planner (followUpStatus.ts), for the minutes editor. */
export interface FollowUpStatusService {
  /** The status of each follow-up with a Planner task, by the follow-up's id; names are looked up once. */
  read(followUp: readonly FollowUp[]): Promise<Map<string, FollowUpStatus>>;
  /** Calls back when the page comes into sight again (shown, focused): a member may have changed a task. Returns the stop. */
  onShown(listener: () => void): () => void;
}

/** Sign-off of one meeting's open minutes, for the secretary's tab (sendForApproval.ts, signOffAnswers.ts). */
export interface SignOffService {
  /** Approvers who may not be able to answer (not in the team, a guest). */
  warnings(approvers: readonly Approver[]): Promise<ApproverWarning[]>;
  send(request: ApprovalRequest, progress: SendProgress, onStep: (step: SendStep) => void): Promise<SignOffRound>;
  /** Follows the answer files while the page is in sight; returns the stop. */
  watchAnswers(onAnswers: (files: AnswerFile[]) => void, onProblem: (problem: Problem) => void): () => void;
  /** Whether the group's settings name a Planner plan: without one, publishing cannot make tasks. */
  hasPlan: boolean;
  /** Publishes the approved version to the channel and Planner (publish.ts); safe to run again after a failure. */
  publish(input: Pick<PublishRequest, 'publisher' | 'template' | 'meeting'>, onStep: (step: PublishStep) => void): Promise<PublishResult>;
}

export interface Services {
  /** The meetings in a window of the calendar (initialWindow(now) to start with). */
  listMeetings(window: DateWindow): Promise<MeetingListItem[]>;
  now(): Date;
  prefill(ref: MeetingRef, onStep?: (step: PrefillStep) => void): Promise<Prefill>;
  store: LocalStore;
  /** The minutes of a prefilled meeting, in its group's channel folder, kept by MinutesSync. */
  openMinutes(group: MinutesGroup, input: FreshInput): Promise<OpenedMinutes>;
  /** A new id for something in the minutes. */
  newId(): string;
  /** The group's settings file in its channel, a first version prefilled, and the pickers' data. */
  settings: GroupSettingsService;
  /** The group of a meeting opened outside a channel, and the person's pick (meetingGroup.ts). */
  groups: {
    find(meeting: Meeting, opts?: { ignoreDevice?: boolean }): Promise<GroupSearch>;
    choose(group: MeetingGroup, meeting: Meeting): Promise<ChosenGroup>;
  };
  /** Mails the meeting's organiser for the attendance only they can read (askOrganiser.ts). */
  askOrganiser(request: OrganiserRequest): Promise<void>;
  /** People in the directory whose name or address starts with the text: owners and scribes beyond the attendees and roster. */
  searchPeople(text: string): Promise<PersonRef[]>;
  /** The approver's side of sign-off (approval.ts): an approver of the open minutes answers in the tab. */
  approval: ApprovalService;
  /** Sign-off of the open minutes of a meeting in a group's channel. */
  signOff(opened: OpenedMinutes, group: MinutesGroup): SignOffService;
  /** The follow-up's status from Planner. */
  followUpStatus: FollowUpStatusService;
  /** The groups with Justera set up that the user can read: the personal tab's "Året" picks one. */
  groupsWithJustera(): Promise<{ groups: MeetingGroup[]; warnings: Problem[] }>;
  /** The group's year (issue 13): its meetings, registers and attendance over a period. */
  year(group: Pick<MeetingGroup, 'teamId' | 'channelId'> & { name?: string }): YearService;
}

async function tokenProviderFor(config: AppConfig, host: Host): Promise<TokenProvider> {
  if (config.tokenProvider === 'host') return hostTokenProvider(host);
  const { naaTokenProvider } = await import(/* webpackChunkName: "naa" */ '../auth/naaTokenProvider');
  return naaTokenProvider({ clientId: config.clientId, authority: config.authority, loginHint: host.context.user.upn });
}

export async function createServices(config: AppConfig, host: Host, now: () => Date = () => new Date()): Promise<Services> {
  const tokens = await tokenProviderFor(config, host);
  const { client, version } = createGraphClient({ endpoint: { baseUrl: config.graphBaseUrl }, tokens });
  const graph = new Graph(client, version);
  const store = indexedDbStore(now);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    listMeetings: (window) => listMyMeetings(graph, window, timeZone),
    now,
    prefill: (ref, onStep) => prefill({ graph, now, timeZone, tenantId: host.context.user.tenantId, store }, ref, onStep),
    store,
    openMinutes: (group, input) => openMinutes({ graph, now, newId: () => crypto.randomUUID(), local: (key) => indexedDbMinutes(key, now), timeZone, visibility: documentVisibility() }, group, input),
    newId: () => crypto.randomUUID(),
    settings: groupSettingsService(graph, now),
    groups: (() => {
      const memory = indexedDbGroups(now);
      return {
        find: (meeting: Meeting, opts: { ignoreDevice?: boolean } = {}) => findGroup(graph, meeting, { memory, now, ...opts }),
        choose: (group: MeetingGroup, meeting: Meeting) => chooseGroup(graph, group, meeting, { memory, now }),
      };
    })(),
    askOrganiser: (request) => askOrganiser(graph, request),
    approval: approvalService({ graph, now, random: answerRandom, timeZone }),
    signOff: (opened, group) => ({
      warnings: (approvers) => approverWarnings(graph, group.teamId, approvers),
      send: (request, progress, onStep) => sendForApproval({ graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now, paneUrl: config.paneUrl }, request, progress, onStep),
      watchAnswers: (onAnswers, onProblem) => {
        let store: ReturnType<typeof signOffStore> | undefined;
        const list = async () => {
          // The folder exists once the minutes are saved; until then there are no answers.
          const folder = await opened.meetingFolder();
          if (!folder) return [];
          store ??= signOffStore(graph, folder);
          return store.listAnswers();
        };
        return watchAnswers(list, onAnswers, onProblem, { visibility: documentVisibility() });
      },
      hasPlan: !!opened.settings?.planId,
      publish: async (input, onStep) => {
        // Loaded when the secretary publishes: the use case, the message's sanitizer and the Word writer.
        const [{ publish }, { writeDocx }] = await Promise.all([import(/* webpackChunkName: "publish" */ './publish'), import(/* webpackChunkName: "docx" */ '../ui/components/minutes/docx')]);
        const settings = opened.settings;
        return publish(
          { graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now, toDocx: writeDocx },
          { ...input, team: group, planId: settings?.planId, bucketPolicy: settings?.bucketPolicy ?? 'per-meeting' },
          onStep,
        );
      },
    }),
    followUpStatus: (() => {
      const names = new Map<string, string>();
      const visibility = documentVisibility();
      return {
        read: (followUp: readonly FollowUp[]) => followUpStatuses(graph, followUp, names),
        onShown: (listener: () => void) => visibility.subscribe((visible) => visible && listener()),
      };
    })(),
    groupsWithJustera: () => groupsWithJustera(graph),
    year: (() => {
      // One device copy and one memory of task completers' names for every group's year.
      const cache = indexedDbYearCache(now);
      const names = new Map<string, string>();
      return (group: Pick<MeetingGroup, 'teamId' | 'channelId'> & { name?: string }) => yearService({ graph, cache, now, timeZone, names }, group);
    })(),
    searchPeople: async (text) =>
      (await graph.get(people.searchPeople(text))).map((u) => ({ key: personKey(u), displayName: u.displayName, email: u.email, organisation: u.organisation })),
  };
}
