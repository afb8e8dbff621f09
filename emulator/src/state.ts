/** The tenant as the emulator holds it after a scenario is loaded: resolved, indexed, in UTC. */

import type { AttendeeType, DayOfWeek, RecordRole, ResponseType, Scenario } from './scenario/types';
import type { OccurrenceIdIndex } from './ids';
import type { LocalDate } from './timezones';

export interface Tenant {
  id: string;
  displayName: string;
  domain: string;
}

export interface DirUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  companyName: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  userType: 'Member' | 'Guest';
  /** Room mailboxes are user objects too, but cannot sign in here. */
  isRoom: boolean;
}

export interface External {
  mail: string;
  displayName: string;
  companyName: string | null;
  tenantId: string | null;
  objectId: string | null;
}

export interface Channel {
  id: string;
  displayName: string;
  description: string | null;
  createdDateTime: number;
  /** The channel's folder in the team's document library (GET .../channels/{id}/filesFolder). */
  folderId: string;
}

export interface Team {
  id: string;
  displayName: string;
  description: string | null;
  visibility: 'private' | 'public';
  ownerIds: Set<string>;
  memberIds: Set<string>;
  channels: Channel[];
  createdDateTime: number;
  /** The team's SharePoint document library ("Documents", /sites/<team>/Shared Documents). */
  driveId: string;
}

/** A file or folder in a drive. Folders have no content. */
export interface DriveItemModel {
  id: string;
  /** SharePoint's UniqueId: the GUID inside eTag and cTag (a channel message attaches a file by it). */
  uniqueId: string;
  name: string;
  /** null for the drive's root folder. */
  parentId: string | null;
  isFolder: boolean;
  content: Buffer;
  /** User ids; null is SharePoint itself (the root and the channel folders Teams creates). */
  createdBy: string | null;
  lastModifiedBy: string | null;
  createdDateTime: number;
  lastModifiedDateTime: number;
  /** Bumped on every change of content or metadata; eTag and cTag carry it. */
  version: number;
}

export interface Drive {
  id: string;
  /** The team (Microsoft 365 group) whose members may read and write it. */
  teamId: string;
  rootId: string;
  /** The library's URL, e.g. https://regionostmark.sharepoint.com/sites/Naravard/Shared%20Documents */
  webUrl: string;
  createdDateTime: number;
  items: Map<string, DriveItemModel>;
  /** Seeds the ids of items created through Graph (deterministic per drive). */
  created: number;
}

export interface PlannerBucketModel {
  id: string;
  name: string;
  planId: string;
  orderHint: string;
}

export interface PlannerPlanModel {
  id: string;
  title: string;
  /** The group (here: a team) that owns the plan; its members may read it. */
  groupId: string;
  createdBy: string | null;
  createdDateTime: number;
  buckets: PlannerBucketModel[];
}

export interface ChatMessageAttachmentModel {
  id: string;
  contentType: string;
  contentUrl: string | null;
  content: string | null;
  name: string | null;
  thumbnailUrl: string | null;
}

export interface ChatMessageMentionModel {
  id: number;
  mentionText: string;
  /** The mentioned user as the request named them (Graph keeps what was sent). */
  userId: string;
  displayName: string;
}

/** A message posted in a channel (POST /teams/{id}/channels/{id}/messages). */
export interface ChannelMessageModel {
  /** Teams' message ids are the creation time in epoch milliseconds, as text ("1616990032035"). */
  id: string;
  teamId: string;
  channelId: string;
  fromUserId: string;
  createdDateTime: number;
  subject: string | null;
  importance: 'normal' | 'high' | 'urgent';
  body: { contentType: 'text' | 'html'; content: string };
  attachments: ChatMessageAttachmentModel[];
  mentions: ChatMessageMentionModel[];
}

export interface PlannerAssignmentModel {
  assignedBy: string;
  assignedDateTime: number;
  orderHint: string;
}

/** A link on a task's details, keyed by its percent-encoded URL. */
export interface PlannerReferenceModel {
  alias: string | null;
  type: string | null;
  previewPriority: string;
  lastModifiedBy: string;
  lastModifiedDateTime: number;
}

export interface PlannerChecklistItemModel {
  title: string;
  isChecked: boolean;
  orderHint: string;
  lastModifiedBy: string;
  lastModifiedDateTime: number;
}

/** A task's details: a separate Planner object with its own eTag (version). */
export interface PlannerTaskDetailsModel {
  description: string;
  previewType: string;
  references: Map<string, PlannerReferenceModel>;
  checklist: Map<string, PlannerChecklistItemModel>;
  version: number;
}

export interface PlannerTaskModel {
  id: string;
  planId: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  assigneePriority: string;
  percentComplete: number;
  priority: number;
  startDateTime: number | null;
  dueDateTime: number | null;
  createdDateTime: number;
  createdBy: string;
  completedDateTime: number | null;
  completedBy: string | null;
  assignments: Map<string, PlannerAssignmentModel>;
  appliedCategories: Map<string, boolean>;
  /** Bumped on every write; the eTag carries it. */
  version: number;
  details: PlannerTaskDetailsModel;
}

export interface Attendee {
  /** Lower-cased e-mail address: the key responses are matched by. */
  key: string;
  address: string;
  name: string;
  userId: string | null;
  type: AttendeeType;
  response: ResponseType;
  responseTime: number | null;
}

export interface Recurrence {
  type: 'daily' | 'weekly' | 'absoluteMonthly';
  interval: number;
  daysOfWeek: DayOfWeek[];
  dayOfMonth: number;
  firstDayOfWeek: DayOfWeek;
  rangeType: 'endDate' | 'noEnd' | 'numbered';
  startDate: LocalDate;
  endDate: LocalDate | null;
  numberOfOccurrences: number;
}

export interface Exception {
  /** Original date of the occurrence in the series' zone, "YYYY-MM-DD". */
  date: string;
  cancelled: boolean;
  subject: string | null;
  bodyHtml: string | null;
  start: number | null;
  end: number | null;
  responses: Map<string, { response: ResponseType; time: number | null }>;
}

export interface CalendarEvent {
  /** Id of the organiser's copy. */
  id: string;
  iCalUId: string;
  subject: string;
  bodyHtml: string;
  organizerId: string;
  start: number;
  end: number;
  timeZone: string;
  /** Scenario overrides of what originalStartTimeZone / originalEndTimeZone report (null: the Windows name of timeZone). */
  originalStartTimeZoneAs: string | null;
  originalEndTimeZoneAs: string | null;
  location: string | null;
  roomId: string | null;
  attendees: Attendee[];
  onlineMeetingId: string | null;
  recurrence: Recurrence | null;
  exceptions: Map<string, Exception>;
  isCancelled: boolean;
  createdDateTime: number;
  lastModifiedDateTime: number;
  categories: string[];
  importance: string;
  sensitivity: string;
}

export interface AttendanceIntervalModel {
  join: number;
  leave: number;
}

export interface AttendanceRecordModel {
  id: string;
  emailAddress: string | null;
  role: RecordRole;
  identity: { id: string | null; displayName: string; tenantId: string | null };
  intervals: AttendanceIntervalModel[];
}

export interface AttendanceReportModel {
  id: string;
  meetingStart: number;
  meetingEnd: number;
  /** Original date of the occurrence ("YYYY-MM-DD") for series, null for single meetings. */
  occurrenceDate: string | null;
  records: AttendanceRecordModel[];
}

export interface OnlineMeetingModel {
  id: string;
  eventId: string;
  organizerId: string;
  joinWebUrl: string;
  joinMeetingId: string;
  threadId: string;
  subject: string;
  start: number;
  end: number;
  createdDateTime: number;
  reports: AttendanceReportModel[];
}

export interface Chat {
  id: string;
  topic: string | null;
  chatType: 'meeting' | 'group' | 'oneOnOne';
  memberIds: Set<string>;
  onlineMeetingId: string | null;
  createdDateTime: number;
  lastUpdatedDateTime: number;
}

/** Where an event id seen by some user leads. */
export interface MailboxItem {
  event: CalendarEvent;
  /** The user whose mailbox holds this copy. */
  userId: string;
}

export interface State {
  scenario: Scenario;
  loadedAt: number;
  tenant: Tenant;
  users: DirUser[];
  /** By lower-cased id, userPrincipalName and mail. */
  userIndex: Map<string, DirUser>;
  externals: Map<string, External>;
  teams: Team[];
  events: CalendarEvent[];
  eventsById: Map<string, CalendarEvent>;
  /** Every master/single copy id in every mailbox. */
  mailboxItems: Map<string, MailboxItem>;
  onlineMeetings: OnlineMeetingModel[];
  chats: Chat[];
  /** Decodes occurrence ids back to their series copy. */
  occurrenceIds: OccurrenceIdIndex;
  /** Personas resolved to users, by role name (any name a scenario gives, "__proto__" included). */
  personas: Map<string, DirUser>;
  /** One document library per team, by drive id. */
  drives: Map<string, Drive>;
  plans: PlannerPlanModel[];
  /** Messages posted in channels since the scenario was loaded, oldest first. */
  channelMessages: ChannelMessageModel[];
  /** Planner tasks created through Graph, by id (in creation order). */
  plannerTasks: Map<string, PlannerTaskModel>;
  /** Seeds the ids of Planner objects created through Graph. */
  plannerCreated: number;
  /** Signs the pre-authenticated download URLs (@microsoft.graph.downloadUrl); new at every load. */
  downloadSecret: Buffer;
}

export function findUser(state: State, ref: string): DirUser | undefined {
  return state.userIndex.get(ref.toLowerCase());
}
