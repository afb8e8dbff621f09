// Names that are members of every JavaScript object ("constructor", "__proto__", ...), sent where
// the emulator looks things up. It must answer as Graph would (400, 404, or ignore the name), never
// 500, and never echo an inherited function or object.

import path from 'node:path';
import type { RunningEmulator, Scenario } from '../src/server';
import { call, CHAIR, NOW, SCENARIOS, scenarioInfo, SECRETARY, SECRETARY_ID, start, timeWindow, type Json, type Reply } from './helpers';

const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
const TENANT_ID = 'ec467dd0-76ff-41ca-a1bd-f36cf68eaad5';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

/** What leaks when an inherited member is used as data: its source text or its string form. */
function expectNoLeak(r: Reply): void {
  expect(r.status).toBeLessThan(500);
  const text = JSON.stringify(r.body ?? null);
  expect(text).not.toMatch(/\[native code\]|function \w*\(|\[object Object\]/);
}

const filter = (f: string) => `$filter=${encodeURIComponent(f)}`;
const WINDOW = timeWindow(-30, 60);

describe('prototype names in requests', () => {
  test.each(NAMES)('Prefer: outlook.timezone="%s" is ignored: times stay UTC, no Preference-Applied', async (name) => {
    const r = await call(emu, SECRETARY, `/me/calendarView?${WINDOW}&$top=5&$select=subject,start,end`, { headers: { Prefer: `outlook.timezone="${name}"` } });
    expectNoLeak(r);
    expect(r.status).toBe(200);
    expect(r.headers.get('preference-applied')).toBeNull();
    expect(r.body.value.length).toBeGreaterThan(0);
    for (const e of r.body.value) expect(e.start.timeZone).toBe('UTC');
  });

  test.each(NAMES)('/users/%s and its mailbox are 404', async (name) => {
    const u = await call(emu, SECRETARY, `/users/${encodeURIComponent(name)}`);
    expectNoLeak(u);
    expect(u.status).toBe(404);
    expect(u.body.error.code).toBe('Request_ResourceNotFound');
    const cal = await call(emu, SECRETARY, `/users/${encodeURIComponent(name)}/calendarView?${WINDOW}`);
    expectNoLeak(cal);
    expect(cal.status).toBe(404);
  });

  test.each(NAMES)('ids named %s are 404: events, online meetings, reports, teams, channels, chats', async (name) => {
    const info = await scenarioInfo(emu);
    const meetingId = info.resolved.teamsContext.onlineMeetingId;
    const teamId = info.resolved.teamsContext.teamId;
    const n = encodeURIComponent(name);
    for (const [user, p] of [
      [SECRETARY, `/me/events/${n}`],
      [SECRETARY, `/me/events/${n}/instances?${WINDOW}`],
      [SECRETARY, `/me/onlineMeetings/${n}`],
      [CHAIR, `/me/onlineMeetings/${encodeURIComponent(meetingId)}/attendanceReports/${n}`],
      [SECRETARY, `/teams/${n}`],
      [SECRETARY, `/teams/${teamId}/channels/${n}`],
      [SECRETARY, `/chats/${n}`],
      [SECRETARY, `/me/chats/${n}`],
    ] as const) {
      const r = await call(emu, user, p);
      expectNoLeak(r);
      expect([p, r.status]).toEqual([p, 404]);
    }
  });

  test.each(NAMES)('$select=%s is a 400 naming the property', async (name) => {
    for (const [p, known] of [['/me', 'displayName'], [`/users/${SECRETARY_ID}`, 'mail'], ['/users', 'id'], [`/me/calendarView?${WINDOW}`, 'subject'], ['/me/events', 'start']] as const) {
      const r = await call(emu, SECRETARY, `${p}${p.includes('?') ? '&' : '?'}$select=${known},${name}`);
      expectNoLeak(r);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain(`'${name}'`);
    }
  });

  test.each(NAMES)('$filter and $orderby on a property %s are 400; the name as a value matches nothing', async (name) => {
    for (const p of ['/users', `/me/calendarView?${WINDOW}`, '/me/events']) {
      const q = p.includes('?') ? '&' : '?';
      for (const f of [`${name} eq 'x'`, `${name}/name eq 'Object'`, `startswith(${name}, 'f')`]) {
        const r = await call(emu, SECRETARY, `${p}${q}${filter(f)}`);
        expectNoLeak(r);
        expect([p, f, r.status]).toEqual([p, f, 400]);
      }
      const o = await call(emu, SECRETARY, `${p}${q}$orderby=${encodeURIComponent(name)}`);
      expectNoLeak(o);
      expect(o.status).toBe(400);
    }
    const users = await call(emu, SECRETARY, `/users?${filter(`mail in ('${name}') or userPrincipalName in ('${name}') or displayName eq '${name}'`)}`);
    expect(users.status).toBe(200);
    expect(users.body.value).toEqual([]);
    const events = await call(emu, SECRETARY, `/me/calendarView?${WINDOW}&${filter(`subject eq '${name}' or start/${name} eq 'x'`)}`);
    expect(events.status).toBe(200);
    expect(events.body.value).toEqual([]);
  });

  test('a property path through __proto__ reads nothing inherited', async () => {
    const r = await call(emu, SECRETARY, `/me/calendarView?${WINDOW}&${filter("start/__proto__/constructor/name eq 'Object'")}`);
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([]);
  });

  test('a $filter nested thousands of levels deep is a 400, not a stack overflow', async () => {
    const deep = `${'('.repeat(3000)}subject eq 'x'${')'.repeat(3000)}`;
    const r = await call(emu, SECRETARY, `/me/calendarView?${WINDOW}&${filter(deep)}`);
    expect(r.status).toBe(400);
    const nots = await call(emu, SECRETARY, `/users?${filter(`${'not '.repeat(1500)}mail eq 'x'`)}`);
    expect(nots.status).toBe(400);
  });

  test.each(NAMES)('a token for "%s", or one whose oid is %s, is refused', async (name) => {
    const t = await fetch(`${emu.url}/_emulator/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: name }) });
    expect(t.status).toBe(400);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(NOW.getTime() / 1000);
    const token = `${b64({ alg: 'none' })}.${b64({ aud: 'https://graph.microsoft.com', tid: TENANT_ID, oid: name, exp: now + 3600, nbf: now })}.`;
    const r = await call(emu, null, '/me', { headers: { Authorization: `Bearer ${token}` } });
    expectNoLeak(r);
    expect(r.status).toBe(401);
  });

  test('$batch items with such ids and headers run normally', async () => {
    const r = await call(emu, SECRETARY, '/$batch', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"requests":[${NAMES.map((n, i) => `{"id":"${n}","method":"GET","url":"/me?$select=id","headers":{"__proto__":"x","constructor":"y"}${i ? `,"dependsOn":["${NAMES[i - 1]}"]` : ''}}`).join(',')}]}`,
    });
    expectNoLeak(r);
    expect(r.status).toBe(200);
    expect(r.body.responses.map((x: Json) => [x.id, x.status]).sort()).toEqual(NAMES.map((n) => [n, 200]).sort());
  });

  test('faults named like prototype members are refused', async () => {
    for (const body of ['{"constructor":1}', '{"__proto__":{"latencyMs":5}}', '{"toString":{}}']) {
      const r = await fetch(`${emu.url}/_emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(r.status).toBe(400);
    }
    expect((await (await fetch(`${emu.url}/_emulator/faults`)).json()).latencyMs).toBeUndefined();
  });
});

describe('prototype names in scenarios', () => {
  let scenario: RunningEmulator;
  beforeAll(async () => {
    scenario = await start(path.join(SCENARIOS, 'edge-cases.json'));
  });
  afterAll(() => scenario.close());

  const post = (body: string) => fetch(`${scenario.url}/_emulator/scenario`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

  async function edgeCases(): Promise<Json> {
    const { resolved: _resolved, ...file } = await scenarioInfo(scenario);
    return file;
  }

  test('an event whose originalStartTimeZone is "constructor" keeps its times in its real zone', async () => {
    const r = await call(scenario, SECRETARY, `/me/calendarView?${timeWindow(-30, 0)}&$top=100`, { headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } });
    expectNoLeak(r);
    const odd = r.body.value.find((e: Json) => e.subject === 'Möte med konstig tidszon');
    expect(odd.originalStartTimeZone).toBe('constructor');
    expect(odd.originalEndTimeZone).toBe('constructor');
    expect(odd.start).toEqual({ dateTime: '2026-11-05T13:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    const one = await call(scenario, SECRETARY, `/me/events/${encodeURIComponent(odd.id)}`);
    expect(one.body).toMatchObject({ originalStartTimeZone: 'constructor', start: { dateTime: '2026-11-05T12:00:00.0000000', timeZone: 'UTC' } });
  });

  test.each(NAMES)('an event zone (timeZone) named %s is a scenario problem, not a crash', async (name) => {
    const s = await edgeCases();
    s.events[0].timeZone = name;
    const r = await post(JSON.stringify(s));
    expect(r.status).toBe(400);
    expect((await r.json()).error.problems).toContain(`events[0].timeZone: "${name}" is not an IANA time zone`);
  });

  test.each(NAMES)('an unknown field named %s is reported, also on nested objects', async (name) => {
    const s = await edgeCases();
    // JSON text, so that "__proto__" is an own key as it is in a file.
    const text = JSON.stringify(s)
      .replace(/^\{/, `{"${name}":1,`)
      .replace('"subject":', `"${name}":{},"subject":`);
    const r = await post(text);
    expect(r.status).toBe(400);
    const problems: string[] = (await r.json()).error.problems;
    expect(problems).toContain(`${name}: unknown field`);
    expect(problems).toContain(`events[0].${name}: unknown field`);
  });

  test('personas, references and user ids named like prototype members', async () => {
    const s: Scenario = await edgeCases();
    s.users.push({ id: 'constructor', displayName: 'toString', userPrincipalName: '__proto__', mail: 'valueOf' });
    s.events![0]!.attendees!.push({ user: '__proto__', response: 'accepted' });
    const personas = JSON.stringify({ ...s.personas, constructor: 'constructor' }).replace(/^\{/, '{"__proto__":"valueOf",');
    const r = await post(JSON.stringify({ ...s, personas: '@@' }).replace('"@@"', personas));
    expect(r.status).toBe(200);
    const info = await scenarioInfo(scenario);
    expect(Object.keys(info.resolved.personas).sort()).toEqual(['__proto__', 'chair', 'constructor', 'member', 'secretary']);
    expect(info.resolved.personas.constructor.displayName).toBe('toString');
    const dialog = info.resolved.events.find((e: Json) => e.subject === 'Dialogmöte med anhörigföreningar');
    expect(Object.keys(dialog.mailboxIds)).toContain('constructor');
    const token = await fetch(`${scenario.url}/_emulator/token`, { method: 'POST', body: JSON.stringify({ user: '__proto__' }) });
    expect(token.status).toBe(200);
    const me = await call(scenario, 'constructor', '/me');
    expect(me.body).toMatchObject({ id: 'constructor', displayName: 'toString', userPrincipalName: '__proto__', mail: 'valueOf' });
    const byUpn = await call(scenario, SECRETARY, '/users/__proto__');
    expect(byUpn.body.id).toBe('constructor');
    const cal = await call(scenario, 'constructor', `/me/calendarView?${timeWindow(-30, 0)}`);
    expectNoLeak(cal);
    expect(cal.body.value.map((e: Json) => e.subject)).toContain('Dialogmöte med anhörigföreningar');
    scenario.loadScenario(path.join(SCENARIOS, 'edge-cases.json'));
  });

  test('entities named like prototype members, or beyond Unicode, are left as they are in bodyPreview', async () => {
    const s = await edgeCases();
    s.events[0].bodyHtml = '<p>&constructor; &__proto__; &toString; &#99999999; &#x110000; &lt;ok&gt;</p>';
    expect((await post(JSON.stringify(s))).status).toBe(200);
    const r = await call(scenario, SECRETARY, `/me/calendarView?${timeWindow(-30, 0)}&$top=100&$select=subject,bodyPreview`);
    expectNoLeak(r);
    const e = r.body.value.find((x: Json) => x.subject === 'Dialogmöte med anhörigföreningar');
    expect(e.bodyPreview).toBe('&constructor; &__proto__; &toString; &#99999999; &#x110000; <ok>');
    scenario.loadScenario(path.join(SCENARIOS, 'edge-cases.json'));
  });
});
