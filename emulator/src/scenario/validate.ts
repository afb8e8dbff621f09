/**
 * Structural validation of a scenario: types, required fields, enumerations, unknown keys.
 * References between parts (organizer, attendees, rooms, personas) and time expressions are
 * checked when the scenario is resolved (load.ts). Each problem names the field by its path.
 */

import type { Scenario } from './types';

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid scenario:\n  - ${problems.slice(0, 50).join('\n  - ')}${problems.length > 50 ? `\n  ... and ${problems.length - 50} more` : ''}`);
    this.name = 'ScenarioError';
  }
}

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'string|number' | 'string?' | 'any';

interface Field {
  kind: Kind;
  required?: boolean;
  nullable?: boolean;
  oneOf?: readonly string[];
  /** Validates array items or a nested object. */
  items?: Spec | Kind;
  nested?: Spec;
}

type Spec = Record<string, Field>;

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const RESPONSES = ['none', 'accepted', 'declined', 'tentativelyAccepted'] as const;

const userSpec: Spec = {
  id: { kind: 'string', required: true },
  displayName: { kind: 'string', required: true },
  userPrincipalName: { kind: 'string', required: true },
  mail: { kind: 'string', nullable: true },
  givenName: { kind: 'string', nullable: true },
  surname: { kind: 'string', nullable: true },
  jobTitle: { kind: 'string', nullable: true },
  department: { kind: 'string', nullable: true },
  companyName: { kind: 'string', nullable: true },
  officeLocation: { kind: 'string', nullable: true },
  mobilePhone: { kind: 'string', nullable: true },
  businessPhones: { kind: 'array', items: 'string' },
  preferredLanguage: { kind: 'string', nullable: true },
  userType: { kind: 'string', oneOf: ['Member', 'Guest'] },
};

const roomSpec: Spec = {
  id: { kind: 'string', required: true },
  displayName: { kind: 'string', required: true },
  mail: { kind: 'string', required: true },
  capacity: { kind: 'number' },
  building: { kind: 'string' },
};

const externalSpec: Spec = {
  mail: { kind: 'string', required: true },
  displayName: { kind: 'string', required: true },
  companyName: { kind: 'string' },
  tenantId: { kind: 'string', nullable: true },
  objectId: { kind: 'string', nullable: true },
};

const fileSpec: Spec = {
  name: { kind: 'string', required: true },
  json: { kind: 'any', nullable: true },
  text: { kind: 'string' },
  createdBy: { kind: 'string' },
  lastModifiedBy: { kind: 'string' },
  createdDateTime: { kind: 'string' },
  lastModifiedDateTime: { kind: 'string' },
};

const channelSpec: Spec = {
  id: { kind: 'string', required: true },
  displayName: { kind: 'string', required: true },
  description: { kind: 'string' },
  createdDateTime: { kind: 'string' },
  files: { kind: 'array', items: fileSpec },
};

const planSpec: Spec = {
  id: { kind: 'string' },
  title: { kind: 'string', required: true },
  createdBy: { kind: 'string' },
  createdDateTime: { kind: 'string' },
  buckets: {
    kind: 'array',
    items: { id: { kind: 'string' }, name: { kind: 'string', required: true }, orderHint: { kind: 'string' } },
  },
  tasks: {
    kind: 'array',
    items: {
      id: { kind: 'string' },
      title: { kind: 'string', required: true },
      bucket: { kind: 'string' },
      assignees: { kind: 'array', items: 'string' },
      dueDateTime: { kind: 'string' },
      createdBy: { kind: 'string' },
      createdDateTime: { kind: 'string' },
      percentComplete: { kind: 'number' },
      completedBy: { kind: 'string' },
      completedDateTime: { kind: 'string' },
    },
  },
};

const teamSpec: Spec = {
  id: { kind: 'string', required: true },
  displayName: { kind: 'string', required: true },
  description: { kind: 'string' },
  visibility: { kind: 'string', oneOf: ['private', 'public'] },
  owners: { kind: 'array', items: 'string' },
  members: { kind: 'array', items: 'string', required: true },
  channels: { kind: 'array', items: channelSpec, required: true },
  createdDateTime: { kind: 'string' },
  plans: { kind: 'array', items: planSpec },
};

const attendeeSpec: Spec = {
  user: { kind: 'string' },
  email: { kind: 'string' },
  name: { kind: 'string' },
  type: { kind: 'string', oneOf: ['required', 'optional', 'resource'] },
  response: { kind: 'string', oneOf: RESPONSES },
  responseTime: { kind: 'string' },
};

const intervalSpec: Spec = {
  join: { kind: 'string|number', required: true },
  leave: { kind: 'string|number', required: true },
};

const recordSpec: Spec = {
  user: { kind: 'string' },
  email: { kind: 'string' },
  phone: { kind: 'string' },
  anonymous: { kind: 'boolean' },
  room: { kind: 'string' },
  displayName: { kind: 'string' },
  tenantId: { kind: 'string', nullable: true },
  identityId: { kind: 'string', nullable: true },
  role: { kind: 'string', oneOf: ['Organizer', 'Presenter', 'Attendee', 'None'] },
  intervals: { kind: 'array', items: intervalSpec, required: true },
};

const reportSpec: Spec = {
  id: { kind: 'string', required: true },
  occurrence: { kind: 'string|number' },
  meetingStartDateTime: { kind: 'string' },
  meetingEndDateTime: { kind: 'string' },
  records: { kind: 'array', items: recordSpec, required: true },
};

const onlineMeetingSpec: Spec = {
  id: { kind: 'string' },
  threadId: { kind: 'string' },
  joinWebUrl: { kind: 'string' },
  joinMeetingId: { kind: 'string' },
  attendanceReports: { kind: 'array', items: reportSpec },
};

const recurrenceSpec: Spec = {
  pattern: {
    kind: 'object',
    required: true,
    nested: {
      type: { kind: 'string', required: true, oneOf: ['daily', 'weekly', 'absoluteMonthly'] },
      interval: { kind: 'number' },
      daysOfWeek: { kind: 'array', items: 'string' },
      dayOfMonth: { kind: 'number' },
      firstDayOfWeek: { kind: 'string', oneOf: DAYS },
    },
  },
  range: {
    kind: 'object',
    required: true,
    nested: {
      type: { kind: 'string', required: true, oneOf: ['endDate', 'noEnd', 'numbered'] },
      startDate: { kind: 'string' },
      endDate: { kind: 'string' },
      numberOfOccurrences: { kind: 'number' },
    },
  },
};

const exceptionSpec: Spec = {
  occurrence: { kind: 'string|number', required: true },
  cancelled: { kind: 'boolean' },
  subject: { kind: 'string' },
  bodyHtml: { kind: 'string' },
  start: { kind: 'string' },
  end: { kind: 'string' },
  responses: {
    kind: 'array',
    items: {
      attendee: { kind: 'string', required: true },
      response: { kind: 'string', required: true, oneOf: RESPONSES },
      responseTime: { kind: 'string' },
    },
  },
};

const eventSpec: Spec = {
  id: { kind: 'string', required: true },
  subject: { kind: 'string', required: true },
  bodyHtml: { kind: 'string' },
  organizer: { kind: 'string', required: true },
  start: { kind: 'string', required: true },
  end: { kind: 'string', required: true },
  timeZone: { kind: 'string' },
  originalStartTimeZoneAs: { kind: 'string' },
  originalEndTimeZoneAs: { kind: 'string' },
  location: { kind: 'string' },
  room: { kind: 'string' },
  attendees: { kind: 'array', items: attendeeSpec },
  onlineMeeting: { kind: 'object', nested: onlineMeetingSpec },
  recurrence: { kind: 'object', nested: recurrenceSpec },
  exceptions: { kind: 'array', items: exceptionSpec },
  isCancelled: { kind: 'boolean' },
  createdDateTime: { kind: 'string' },
  iCalUId: { kind: 'string' },
  categories: { kind: 'array', items: 'string' },
  importance: { kind: 'string', oneOf: ['low', 'normal', 'high'] },
  sensitivity: { kind: 'string', oneOf: ['normal', 'personal', 'private', 'confidential'] },
};

const scenarioSpec: Spec = {
  $schema: { kind: 'string' },
  name: { kind: 'string', required: true },
  description: { kind: 'string' },
  timeZone: { kind: 'string', required: true },
  tenant: {
    kind: 'object',
    required: true,
    nested: {
      id: { kind: 'string', required: true },
      displayName: { kind: 'string', required: true },
      domain: { kind: 'string', required: true },
    },
  },
  users: { kind: 'array', items: userSpec, required: true },
  rooms: { kind: 'array', items: roomSpec },
  externals: { kind: 'array', items: externalSpec },
  teams: { kind: 'array', items: teamSpec },
  events: { kind: 'array', items: eventSpec },
  personas: { kind: 'object' },
  teamsContext: {
    kind: 'object',
    nested: {
      teamId: { kind: 'string' },
      channelId: { kind: 'string' },
      meetingEventId: { kind: 'string' },
      locale: { kind: 'string' },
    },
  },
  mailFromOutside: {
    kind: 'array',
    items: {
      from: { kind: 'string', required: true },
      fromName: { kind: 'string' },
      to: { kind: 'array', items: 'string', required: true },
      subject: { kind: 'string', required: true },
      bodyHtml: { kind: 'string' },
      headers: { kind: 'array', items: { name: { kind: 'string', required: true }, value: { kind: 'string', required: true } } },
      received: { kind: 'string' },
    },
  },
  /** Written by GET /_emulator/scenario; ignored on the way back in. */
  resolved: { kind: 'object' },
};

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function checkValue(v: unknown, kind: Kind, path: string, problems: string[]): boolean {
  if (kind === 'any') return true;
  const k = kindOf(v);
  const okKind =
    kind === 'string|number' ? k === 'string' || k === 'number' : kind === 'string?' ? k === 'string' : k === kind;
  if (!okKind) problems.push(`${path}: expected ${kind}, got ${k}`);
  return okKind;
}

function checkObject(v: unknown, spec: Spec, path: string, problems: string[]): void {
  if (!checkValue(v, 'object', path, problems)) return;
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!Object.hasOwn(spec, key)) problems.push(`${path}.${key}: unknown field`);
  }
  for (const [key, f] of Object.entries(spec)) {
    const val = o[key];
    const p = path ? `${path}.${key}` : key;
    if (val === undefined) {
      if (f.required) problems.push(`${p}: required`);
      continue;
    }
    if (val === null) {
      if (!f.nullable) problems.push(`${p}: must not be null`);
      continue;
    }
    if (!checkValue(val, f.kind, p, problems)) continue;
    if (f.oneOf && !f.oneOf.includes(val as string)) {
      problems.push(`${p}: expected one of ${f.oneOf.join(', ')}, got "${String(val)}"`);
    }
    if (f.nested) checkObject(val, f.nested, p, problems);
    if (f.items && Array.isArray(val)) {
      val.forEach((item, i) => {
        if (typeof f.items === 'string') checkValue(item, f.items, `${p}[${i}]`, problems);
        else if (f.items) checkObject(item, f.items, `${p}[${i}]`, problems);
      });
    }
  }
}

/** Throws ScenarioError listing every structural problem. */
export function validateShape(input: unknown): Scenario {
  const problems: string[] = [];
  checkObject(input, scenarioSpec, '', problems);
  const s = input as Scenario;
  if (problems.length === 0) {
    for (const [k, v] of Object.entries(s.personas ?? {})) {
      if (typeof v !== 'string') problems.push(`personas.${k}: expected string (a user's id, UPN or mail)`);
    }
    (s.events ?? []).forEach((e, i) => {
      for (const d of e.recurrence?.pattern.daysOfWeek ?? []) {
        if (!(DAYS as readonly string[]).includes(d)) problems.push(`events[${i}].recurrence.pattern.daysOfWeek: "${d}" is not a day name`);
      }
    });
  }
  if (problems.length) throw new ScenarioError(problems.map((p) => p.replace(/^\./, '')));
  return s;
}
