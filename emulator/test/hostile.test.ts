// The hostile scenario of the end-to-end tests (test/e2e/hostile.ts) loads through the admin
// endpoint, and the emulator serves it: the secretary's "My meetings" window is full of hostile
// subjects, the default meeting still resolves with its report for the organiser, the personas
// can sign in, and every hostile value comes back somewhere in Graph's answers.

import type { RunningEmulator } from '../src/server';
import { normalizeScenario, pickMeeting } from '../../simulators/teams-host/scenario';
import { EMAIL_LIKE_95, GARBAGE_ZONES, HOSTILE_VALUES, hostileScenario, LONG_UNBROKEN, PROTOTYPE_NAMES } from '../../test/e2e/hostile';
import { call, CHAIR, CHAIR_ID, MEMBER, SECRETARY, SECRETARY_ID, SERIES_ID, start, timeWindow, type Json, type Reply } from './helpers';

describe('HOSTILE_VALUES', () => {
  test('at least 60, all different, none with NUL', () => {
    expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_VALUES).size).toBe(HOSTILE_VALUES.length);
    for (const v of HOSTILE_VALUES) expect(v.includes('\u0000')).toBe(false);
  });

  test('the kinds asked for are there', () => {
    const has = (p: (v: string) => boolean) => HOSTILE_VALUES.some(p);
    expect(HOSTILE_VALUES).toEqual(expect.arrayContaining([...PROTOTYPE_NAMES, ...GARBAGE_ZONES, LONG_UNBROKEN, EMAIL_LIKE_95, '\u202E', '%s %d', 'null', 'undefined', "O'Brien", "' or 1 eq 1"]));
    expect(LONG_UNBROKEN).toHaveLength(10_000);
    expect(LONG_UNBROKEN).not.toMatch(/[\s-]/);
    expect(EMAIL_LIKE_95).toHaveLength(95);
    expect(EMAIL_LIKE_95).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(has((v) => /\u202D/.test(v))).toBe(true);
    for (const c of ['\u2066', '\u2067', '\u2068', '\u2069', '\u200F', '\u200B', '\u200D', '\uFEFF', '\u0007', '\u001B']) expect([c, has((v) => v.includes(c))]).toEqual([c, true]);
    expect(has((v) => /^.\p{M}{60}$/u.test(v))).toBe(true);
    expect(has((v) => /\p{Extended_Pictographic}\u200D\p{Extended_Pictographic}/u.test(v))).toBe(true);
    expect(has((v) => v !== '' && v.trim() === '')).toBe(true);
    expect(has((v) => v.includes('{{constructor.constructor('))).toBe(true);
    expect(has((v) => v.includes('${'))).toBe(true);
  });

  test('every value that could run script sets window.__pwned, and nothing else mentions it', () => {
    const scriptLike = /<script|\bon[a-z]+\s*=|javascript:|srcdoc|\{\{|\$\{|;\/\//i;
    for (const v of HOSTILE_VALUES) {
      if (v.includes('__pwned')) expect([v, /window\.__pwned=1/.test(v)]).toEqual([v, true]);
      if (scriptLike.test(v)) expect([v, v.includes('__pwned')]).toEqual([v, true]);
    }
  });
});

describe('the hostile scenario in the emulator', () => {
  let emu: RunningEmulator;
  let info: Json;
  const replies: Reply[] = [];
  const get = async (user: string, p: string, init?: RequestInit): Promise<Reply> => {
    const r = await call(emu, user, p, init);
    replies.push(r);
    return r;
  };
  const WINDOW = timeWindow(-30, 60);

  beforeAll(async () => {
    emu = await start();
    const loaded = await fetch(`${emu.url}/_emulator/scenario`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(hostileScenario()) });
    expect(loaded.status).toBe(200);
    info = await (await fetch(`${emu.url}/_emulator/scenario`)).json();
  });
  afterAll(() => emu.close());

  test('the personas sign in with their user principal names', async () => {
    for (const [persona, upn, id] of [['secretary', SECRETARY, SECRETARY_ID], ['chair', CHAIR, CHAIR_ID], ['member', MEMBER, undefined]] as const) {
      const t = await fetch(`${emu.url}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: upn }) });
      expect(t.status).toBe(200);
      const me = await get(upn, '/me');
      expect(me.status).toBe(200);
      expect(HOSTILE_VALUES).toContain(me.body.displayName);
      expect(info.resolved.personas[persona].userPrincipalName).toBe(upn);
      if (id) expect(me.body.id).toBe(id);
    }
  });

  test('the secretary’s calendar, 30 days back and 60 ahead, lists at least 50 meetings with hostile subjects', async () => {
    const r = await get(SECRETARY, `/me/calendarView?${WINDOW}&$top=1000&$orderby=start/dateTime`, { headers: { Prefer: 'outlook.timezone="UTC"' } });
    expect(r.status).toBe(200);
    expect(r.body['@odata.nextLink']).toBeUndefined();
    const hostile = r.body.value.filter((e: Json) => HOSTILE_VALUES.includes(e.subject));
    expect(hostile.length).toBeGreaterThanOrEqual(50);
    expect(new Set(hostile.map((e: Json) => e.subject)).size).toBeGreaterThanOrEqual(50);
    const zones = new Set(r.body.value.map((e: Json) => e.originalStartTimeZone));
    for (const z of [...PROTOTYPE_NAMES, ...GARBAGE_ZONES]) expect([z, zones.has(z)]).toEqual([z, true]);
    expect(zones.has('W. Europe Standard Time')).toBe(true);
    for (const e of r.body.value) expect(e.start.timeZone).toBe('UTC');
  });

  test('the default meeting resolves: the series with its report for the organiser, and its Teams context', async () => {
    const tc = info.resolved.teamsContext;
    expect(tc.meetingEventId).toBe(SERIES_ID);
    expect(tc.onlineMeetingId).toBeTruthy();
    const literal = `'${String(tc.joinWebUrl).replace(/'/g, "''")}'`;
    for (const user of [SECRETARY, CHAIR]) {
      const om = await get(user, `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq ${literal}`)}`);
      expect(om.body.value.map((m: Json) => m.id)).toEqual([tc.onlineMeetingId]);
    }
    const series = await get(CHAIR, `/me/events/${encodeURIComponent(SERIES_ID)}`);
    expect(series.status).toBe(200);
    expect(series.body.subject).toBe('<script>window.__pwned=1</script>');
    const reports = await get(CHAIR, `/me/onlineMeetings/${tc.onlineMeetingId}/attendanceReports`);
    expect(reports.status).toBe(200);
    expect(reports.body.value.length).toBeGreaterThanOrEqual(1);
    const latest = await get(CHAIR, `/me/onlineMeetings/${tc.onlineMeetingId}/attendanceReports/${reports.body.value[0].id}?$expand=attendanceRecords`);
    const names = latest.body.attendanceRecords.map((x: Json) => x.identity.displayName);
    expect(names.filter((n: string) => HOSTILE_VALUES.includes(n)).length).toBeGreaterThanOrEqual(15);
    expect(latest.body.attendanceRecords.find((x: Json) => x.identity.id === CHAIR_ID)?.role).toBe('Organizer');
    expect((await call(emu, SECRETARY, `/me/onlineMeetings/${tc.onlineMeetingId}/attendanceReports`)).status).toBe(403);
    const team = await get(SECRETARY, `/teams/${tc.teamId}/channels/${encodeURIComponent(tc.channelId)}`);
    expect(HOSTILE_VALUES).toContain(team.body.displayName);
  });

  test('the Teams host simulator finds the personas and the default meeting', () => {
    const sim = normalizeScenario(info);
    expect(sim.personas.secretary?.id).toBe(SECRETARY_ID);
    expect(sim.personas.chair?.id).toBe(CHAIR_ID);
    expect(sim.defaultEventId).toBe(SERIES_ID);
    const meeting = pickMeeting(sim, undefined);
    expect(meeting?.joinUrl).toBe(info.resolved.teamsContext.joinWebUrl);
    expect(meeting?.organizerId).toBe(CHAIR_ID);
    expect(sim.team?.groupId).toBe(info.resolved.teamsContext.teamId);
    expect(sim.channel?.id).toBe(info.resolved.teamsContext.channelId);
  });

  test('every hostile value comes back from Graph as a whole field, and nothing failed', async () => {
    const leaves = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'string') leaves.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    const select = 'id,displayName,givenName,surname,mail,userPrincipalName,jobTitle,department,companyName,officeLocation';
    collect((await get(SECRETARY, `/users?$top=999&$select=${select}`)).body);
    for (const user of [SECRETARY, CHAIR]) {
      collect((await get(user, `/me/calendarView?${WINDOW}&$top=1000`)).body);
      collect((await get(user, '/me/joinedTeams')).body);
    }
    const tc = info.resolved.teamsContext;
    collect((await get(SECRETARY, `/teams/${tc.teamId}`)).body);
    collect((await get(SECRETARY, `/teams/${tc.teamId}/channels`)).body);
    for (const om of info.resolved.onlineMeetings as Json[]) {
      const organizer = om.participants.organizer.identity.user.id;
      if (![SECRETARY_ID, CHAIR_ID].includes(organizer)) continue;
      for (const rep of om.attendanceReports.filter((x: Json) => x.available)) {
        collect((await get(organizer === CHAIR_ID ? CHAIR : SECRETARY, `/me/onlineMeetings/${om.id}/attendanceReports/${rep.id}/attendanceRecords`)).body);
      }
    }
    const missing = HOSTILE_VALUES.filter((v) => !leaves.has(v));
    expect(missing).toEqual([]);
    expect(replies.filter((r) => r.status >= 400).map((r) => [r.status, r.body?.error?.message])).toEqual([]);
  });
});

describe('text that is not well-formed UTF-16', () => {
  test('a lone surrogate in a channel name or an event id does not break the answers that link to them', async () => {
    const s = hostileScenario();
    const team = s.teams?.[0];
    if (!team?.channels[0] || !s.events?.[1]) throw new Error('the hostile scenario has a team with a channel, and events');
    team.channels[0].displayName = 'Kanal \ud800 halv';
    s.events[1].id = 'AAMk\udc00lone=';
    const emu = await start(s);
    try {
      const channels = await call(emu, SECRETARY, `/teams/${team.id}/channels`);
      expect(channels.status).toBe(200);
      expect(channels.body.value[0].webUrl).toContain('Kanal%20%EF%BF%BD%20halv');
      const cal = await call(emu, SECRETARY, `/me/calendarView?${timeWindow(-30, 60)}&$top=1000&$select=subject,webLink`);
      expect(cal.status).toBe(200);
    } finally {
      await emu.close();
    }
  });
});
