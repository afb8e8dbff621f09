/**
 * The scenario file format: the data a fake tenant is seeded with.
 * Documented in emulator/README.md ("Scenario files"). Every time value is a TimeExpr:
 * plain ISO ("2025-10-03T08:00:00Z", or without offset = local time in the scenario's
 * time zone) or relative to "now" ("today-7d 08:00", "fri-1w 08:00", "now-2h").
 */

/** A directory user (or room) named by id, userPrincipalName or mail. */
export type UserRef = string;
export type TimeExpr = string;
/** Date only: "2025-10-03", "today+0d", "fri-8w". */
export type DateExpr = string;
/**
 * Which occurrence of a series: -1 is the latest that has ended before "now", -2 the one
 * before; +1 is the first that has not ended (the current or next one), +2 the one after;
 * or a DateExpr naming the occurrence's original date in the series' time zone.
 */
export type OccurrenceSelector = number | DateExpr;

export type DayOfWeek = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
export type ResponseType = 'none' | 'accepted' | 'declined' | 'tentativelyAccepted';
export type AttendeeType = 'required' | 'optional' | 'resource';
export type RecordRole = 'Organizer' | 'Presenter' | 'Attendee' | 'None';

export interface Scenario {
  name: string;
  description?: string;
  /** IANA zone used for relative dates and as the events' default zone. */
  timeZone: string;
  tenant: { id: string; displayName: string; domain: string };
  users: ScenarioUser[];
  rooms?: ScenarioRoom[];
  /** People invited by e-mail who are not in the directory. */
  externals?: ScenarioExternal[];
  teams?: ScenarioTeam[];
  events?: ScenarioEvent[];
  /** Who plays whom in the host simulator. */
  personas?: Record<string, UserRef>;
  teamsContext?: ScenarioTeamsContext;
  /**
   * Mail from outside the tenant, already in the recipients' inboxes when the scenario loads, as POST
   * /_emulator/mail/deliver puts it there (stamped X-MS-Exchange-Organization-AuthAs: Anonymous).
   */
  mailFromOutside?: ScenarioOutsideMail[];
}

export interface ScenarioOutsideMail {
  /** Any address, a colleague's included (a spoofed sender). */
  from: string;
  fromName?: string;
  /** Users of the tenant (id, UPN or mail); others are listed, not delivered. */
  to: UserRef[];
  subject: string;
  bodyHtml?: string;
  /** Custom x- headers, e.g. a Justera tag copied from a real approval mail. */
  headers?: { name: string; value: string }[];
  /** When it arrived (default: now). */
  received?: TimeExpr;
}

export interface ScenarioUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /**
   * Omitted or null: the user has no mail (Graph answers `mail: null`); invitations and
   * attendance records then carry the userPrincipalName as the e-mail address.
   */
  mail?: string | null;
  givenName?: string | null;
  surname?: string | null;
  jobTitle?: string | null;
  /** With companyName: the person's "organisation" in the minutes. */
  department?: string | null;
  companyName?: string | null;
  officeLocation?: string | null;
  mobilePhone?: string | null;
  businessPhones?: string[];
  preferredLanguage?: string | null;
  userType?: 'Member' | 'Guest';
}

export interface ScenarioRoom {
  id: string;
  displayName: string;
  mail: string;
  capacity?: number;
  building?: string;
}

export interface ScenarioExternal {
  mail: string;
  displayName: string;
  companyName?: string;
  /** Their home tenant, shown in attendance records; null when unknown (consumer accounts). */
  tenantId?: string | null;
  /** Their object id in their home tenant, shown in attendance records. */
  objectId?: string | null;
}

export interface ScenarioTeam {
  id: string;
  displayName: string;
  description?: string;
  visibility?: 'private' | 'public';
  owners?: UserRef[];
  members: UserRef[];
  channels: ScenarioChannel[];
  createdDateTime?: TimeExpr;
  /** Planner plans of the team's group. */
  plans?: ScenarioPlan[];
}

export interface ScenarioChannel {
  id: string;
  displayName: string;
  description?: string;
  createdDateTime?: TimeExpr;
  /** Files already in the channel's folder (the team's drive gets one folder per channel). */
  files?: ScenarioFile[];
}

/**
 * A file in a channel folder: exactly one of json (stored as indented JSON) or text, or neither (empty).
 * The name, the text and every string in json may hold placeholders resolved against "now" when the
 * scenario loads ({{date:fri-20w 08:00}}, {{day:fri-20w+14d}}, {{yearSeq:NAME|WHEN|SIZE}}), so
 * content with dates follows the clock like the events do: see fileTemplates.ts.
 */
export interface ScenarioFile {
  /** Relative to the channel folder; "/" separates folders, which are made as needed ("2025/Protokoll.json"). */
  name: string;
  json?: unknown;
  text?: string;
  /** Default: SharePoint itself ("SharePoint App"). */
  createdBy?: UserRef;
  /** Default: createdBy. */
  lastModifiedBy?: UserRef;
  /** Default: now. */
  createdDateTime?: TimeExpr;
  /** Default: createdDateTime. */
  lastModifiedDateTime?: TimeExpr;
}

export interface ScenarioPlan {
  /** Default: generated (28 characters, like Planner's). */
  id?: string;
  title: string;
  createdBy?: UserRef;
  createdDateTime?: TimeExpr;
  buckets?: { id?: string; name: string; orderHint?: string }[];
  /** Tasks already in the plan (as earlier publishing made them and members changed them). */
  tasks?: ScenarioTask[];
}

export interface ScenarioTask {
  /** Default: generated (28 characters, like Planner's). */
  id?: string;
  title: string;
  /** A bucket of the plan, by id or name. */
  bucket?: string;
  assignees?: UserRef[];
  dueDateTime?: TimeExpr;
  /** Default: the plan's creator. */
  createdBy?: UserRef;
  createdDateTime?: TimeExpr;
  /** 0, 50 or 100; at 100 completedBy (a member) and completedDateTime say who and when. */
  percentComplete?: number;
  completedBy?: UserRef;
  completedDateTime?: TimeExpr;
}

export interface ScenarioEvent {
  /** The id of the organiser's copy; attendees' copies get their own ids (see README). */
  id: string;
  subject: string;
  bodyHtml?: string;
  organizer: UserRef;
  start: TimeExpr;
  end: TimeExpr;
  /** IANA zone the event was created in (default: the scenario's). */
  timeZone?: string;
  /**
   * What Graph reports in originalStartTimeZone instead of the Windows name of timeZone: any
   * string, such as "tzone://Microsoft/Custom", "Customized Time Zone" or "constructor" (clients
   * other than Outlook write such names). Times are still computed in timeZone.
   */
  originalStartTimeZoneAs?: string;
  /** The same for originalEndTimeZone (default: originalStartTimeZoneAs). */
  originalEndTimeZoneAs?: string;
  /** Free-text place (e.g. "Regionens hus, rum 3.14"). */
  location?: string;
  /** A room (id or mail): added as a resource attendee that accepted, and as the location. */
  room?: UserRef;
  attendees?: ScenarioAttendee[];
  /** Present = a Teams meeting. */
  onlineMeeting?: ScenarioOnlineMeeting;
  recurrence?: ScenarioRecurrence;
  exceptions?: ScenarioException[];
  isCancelled?: boolean;
  createdDateTime?: TimeExpr;
  iCalUId?: string;
  categories?: string[];
  importance?: 'low' | 'normal' | 'high';
  sensitivity?: 'normal' | 'personal' | 'private' | 'confidential';
}

export interface ScenarioAttendee {
  /** A directory user. */
  user?: UserRef;
  /** Or an e-mail address (a directory user's, an external's, or nobody's). */
  email?: string;
  /** Display name for e-mail attendees not found elsewhere. */
  name?: string;
  type?: AttendeeType;
  response?: ResponseType;
  responseTime?: TimeExpr;
}

export interface ScenarioOnlineMeeting {
  id?: string;
  threadId?: string;
  joinWebUrl?: string;
  joinMeetingId?: string;
  attendanceReports?: ScenarioReport[];
}

export interface ScenarioRecurrence {
  pattern: {
    type: 'daily' | 'weekly' | 'absoluteMonthly';
    interval?: number;
    daysOfWeek?: DayOfWeek[];
    dayOfMonth?: number;
    firstDayOfWeek?: DayOfWeek;
  };
  range: {
    type: 'endDate' | 'noEnd' | 'numbered';
    /** Default: the date of the event's start. */
    startDate?: DateExpr;
    endDate?: DateExpr;
    numberOfOccurrences?: number;
  };
}

export interface ScenarioException {
  occurrence: OccurrenceSelector;
  cancelled?: boolean;
  subject?: string;
  bodyHtml?: string;
  start?: TimeExpr;
  end?: TimeExpr;
  /** Per-occurrence answers that differ from the series' answers. */
  responses?: { attendee: UserRef; response: ResponseType; responseTime?: TimeExpr }[];
}

export interface ScenarioReport {
  /** Report id (a GUID). */
  id: string;
  /** Required for a series: which occurrence this report belongs to. */
  occurrence?: OccurrenceSelector;
  /** Defaults: earliest join and latest leave of the records. */
  meetingStartDateTime?: TimeExpr;
  meetingEndDateTime?: TimeExpr;
  records: ScenarioRecord[];
}

/** Exactly one of user, email, phone, anonymous, room says who the participant was. */
export interface ScenarioRecord {
  user?: UserRef;
  email?: string;
  phone?: string;
  anonymous?: boolean;
  room?: UserRef;
  displayName?: string;
  tenantId?: string | null;
  identityId?: string | null;
  role?: RecordRole;
  intervals: ScenarioInterval[];
}

/** A number is minutes from the scheduled start of the meeting (or occurrence); fractions allowed. */
export interface ScenarioInterval {
  join: number | TimeExpr;
  leave: number | TimeExpr;
}

export interface ScenarioTeamsContext {
  teamId?: string;
  channelId?: string;
  /** Scenario event id of "the meeting" for meeting frames (side panel, stage, meeting chat tab). */
  meetingEventId?: string;
  locale?: string;
}
