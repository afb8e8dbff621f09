// The contract between the "Året" view and the app layer (issue 13): what the view asks for and what
// it gets back. The view computes the registers and attendance with the domain (domain/year.ts); the
// app reads the group's folder and Planner (groupYear.ts) and writes an attendance-only meeting.

import type { FollowUpStatus } from '../domain/followUpStatus';
import type { PersonRef } from '../domain/minutes';
import type { RosterEntry } from '../domain/settings';
import type { Template } from '../domain/templates';
import type { AttendanceOnlyMeeting, Period, YearMeeting } from '../domain/year';
import type { MeetingGroup } from './meetingGroup';
import type { YearProgress } from './groupYear';

export type { YearProgress };

/** What the view shows for one group and period. */
export interface YearData {
  /** The group's name (its settings), for headings and the appendix's title. */
  groupName: string;
  period: Period;
  /**
   * Every meeting folder in the period: minutes (with `approved` from the answers beside them, for
   * minutes sent and not yet published), attendance-only records, and files that cannot be read.
   */
  meetings: YearMeeting[];
  /** The Planner status of each published task, by task id (what actionsRegister takes). */
  statuses: Map<string, Pick<FollowUpStatus, 'state' | 'completedAt' | 'completedBy'>>;
  /** The group's roster and templates from its settings (empty when it has none). */
  roster: RosterEntry[];
  templates: Template[];
  /** Where each meeting's minutes can be opened: the meeting folder's web URL in the channel's files, by folder name. */
  folderUrls: Map<string, string>;
  /** The group's zone, for "today" and dates (the settings' or the browser's). */
  timeZone: string;
  /** When this was read (ISO instant), and whether some files came from the device's copy. */
  readAt: string;
}

/** A meeting to add with its date and attendance only (held before the group used Justera). */
export type AttendanceOnlyInput = AttendanceOnlyMeeting;

export interface YearService {
  /** The group the view is for. */
  group: Pick<MeetingGroup, 'teamId' | 'channelId'> & { name?: string };
  /** Reads the group's meetings in the period: listings batched, files in parallel, the device's copy by eTag. */
  read(period: Period, onProgress: (p: YearProgress) => void): Promise<YearData>;
  /**
   * Writes an attendance-only meeting into the group's folder ("Justera/<date> <subject> (<key>)/
   * justera-attendance-record.json"); refuses (Problem code 'meeting-exists') a date on which the
   * folder already holds minutes or a record with the same subject.
   */
  addAttendanceOnly(input: AttendanceOnlyInput): Promise<void>;
  /** People for the form's picker: the roster first, then the directory. */
  searchPeople(text: string): Promise<PersonRef[]>;
}
