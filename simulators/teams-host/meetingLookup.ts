// Completes a scenario meeting from the Graph emulator itself, as the organiser: the resolved
// start and end (scenario files may use relative times like "today+0d 09:00"), the occurrence
// of a series the meeting frames are "in" (the current or next one), and the onlineMeeting's id
// and chat thread. Best effort: whatever cannot be looked up keeps the scenario's value.

import { requestToken, toUtcIso, type SimMeeting, type SimScenario } from './scenario';

export interface LookupEnv {
  emulatorUrl: string;
  graphBaseUrl: string;
  now: () => number;
  fetchFn?: typeof fetch;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const DAY = 86_400_000;

async function getJson(env: LookupEnv, token: string, pathAndQuery: URL): Promise<Obj> {
  const res = await (env.fetchFn ?? fetch)(pathAndQuery.href, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`GET ${pathAndQuery.pathname} answered ${res.status}`);
  const body: unknown = await res.json();
  if (!isObj(body)) throw new Error(`GET ${pathAndQuery.pathname} gave no object`);
  return body;
}

function graphUrl(env: LookupEnv, path: string, query: Record<string, string> = {}): URL {
  const url = new URL(`${env.graphBaseUrl.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url;
}

/** The occurrence the meeting frames are in: the first that has not ended, else the latest. */
export function pickOccurrence(instances: Obj[], now: number): Obj | undefined {
  const timed = instances
    .filter((i) => i.isCancelled !== true)
    .map((i) => ({ i, start: Date.parse(toUtcIso(i.start) ?? ''), end: Date.parse(toUtcIso(i.end) ?? '') }))
    .filter((x) => !Number.isNaN(x.start) && !Number.isNaN(x.end))
    .sort((a, b) => a.start - b.start);
  return (timed.find((x) => x.end > now) ?? timed[timed.length - 1])?.i;
}

export async function lookUpMeeting(
  meeting: SimMeeting,
  scenario: SimScenario,
  personaUpn: string | undefined,
  env: LookupEnv,
): Promise<{ meeting: SimMeeting; notes: string[] }> {
  const notes: string[] = [];
  const m: SimMeeting = { ...meeting };
  const organizer = scenario.users.find((u) => u.id === meeting.organizerId);
  const who = organizer?.userPrincipalName ?? personaUpn;
  if (!who) return { meeting: m, notes: ['No organiser to look the meeting up as.'] };
  let token: string;
  try {
    token = await requestToken(env.emulatorUrl, who, 3600, env.fetchFn);
  } catch (err) {
    return { meeting: m, notes: [`Could not look the meeting up in Graph: ${String(err)}`] };
  }

  try {
    const ev = await getJson(
      env,
      token,
      graphUrl(env, `/me/events/${encodeURIComponent(meeting.eventId)}`, {
        $select: 'subject,start,end,type,isOnlineMeeting,onlineMeeting,isCancelled',
      }),
    );
    m.title = str(ev.subject) ?? m.title;
    const om = isObj(ev.onlineMeeting) ? ev.onlineMeeting : undefined;
    m.joinUrl = str(om?.joinUrl) ?? m.joinUrl;
    m.start = toUtcIso(ev.start) ?? m.start;
    m.end = toUtcIso(ev.end) ?? m.end;
    if (str(ev.type) === 'seriesMaster') {
      m.recurring = true;
      const now = env.now();
      const page = await getJson(
        env,
        token,
        graphUrl(env, `/me/events/${encodeURIComponent(meeting.eventId)}/instances`, {
          startDateTime: new Date(now - 120 * DAY).toISOString(),
          endDateTime: new Date(now + 120 * DAY).toISOString(),
          $select: 'subject,start,end,isCancelled',
          $top: '500',
        }),
      );
      const instances = Array.isArray(page.value) ? page.value.filter(isObj) : [];
      const occ = pickOccurrence(instances, now);
      if (occ) {
        m.start = toUtcIso(occ.start) ?? m.start;
        m.end = toUtcIso(occ.end) ?? m.end;
        m.title = str(occ.subject) ?? m.title;
      } else {
        notes.push(`The series ${meeting.eventId} has no occurrence within 120 days of now.`);
      }
    }
  } catch (err) {
    notes.push(`Could not read event ${meeting.eventId} from Graph as ${who}: ${err instanceof Error ? err.message : String(err)}`);
  }

  if (m.joinUrl) {
    try {
      const page = await getJson(
        env,
        token,
        graphUrl(env, '/me/onlineMeetings', { $filter: `JoinWebUrl eq '${m.joinUrl.replace(/'/g, "''")}'` }),
      );
      const om = Array.isArray(page.value) ? page.value.find(isObj) : undefined;
      if (om) {
        m.onlineMeetingId = str(om.id) ?? m.onlineMeetingId;
        const chatInfo = isObj(om.chatInfo) ? om.chatInfo : undefined;
        m.chatThreadId = str(chatInfo?.threadId) ?? m.chatThreadId;
      } else {
        notes.push(`Graph found no onlineMeeting with the join URL of event ${meeting.eventId}.`);
      }
    } catch (err) {
      notes.push(`Could not look up the onlineMeeting in Graph: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { meeting: m, notes };
}
