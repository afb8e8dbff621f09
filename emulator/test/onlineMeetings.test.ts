import path from 'node:path';
import type { RunningEmulator } from '../src/server';
import { call, CHAIR, MEMBER, SCENARIOS, scenarioInfo, SECRETARY, start, type Json } from './helpers';

let emu: RunningEmulator;
let series: Json;
let bered: Json;
beforeAll(async () => {
  emu = await start();
  const info = await scenarioInfo(emu);
  series = info.resolved.onlineMeetings.find((m: Json) => m.subject === 'Samordningsgrupp Nära vård');
  bered = info.resolved.onlineMeetings.find((m: Json) => m.subject === 'Beredningsgrupp Nära vård');
});
afterAll(() => emu.close());

/** As real clients do: the join URL as an OData literal, the whole filter URL-encoded. */
const byJoinUrl = (url: string) => `/me/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${url.replace(/'/g, "''")}'`)}`;

describe('onlineMeetings', () => {
  test('JoinWebUrl filter finds the meeting for the organiser and for an invited attendee', async () => {
    for (const user of [CHAIR, SECRETARY, MEMBER]) {
      const r = await call(emu, user, byJoinUrl(series.joinWebUrl));
      expect(r.status).toBe(200);
      expect(r.body.value).toHaveLength(1);
      const om = r.body.value[0];
      expect(om.id).toBe(series.id);
      expect(om.joinWebUrl).toBe(series.joinWebUrl);
      expect(om.chatInfo.threadId).toMatch(/^19:meeting_.+@thread\.v2$/);
      expect(om.participants.organizer.identity.user.id).toBe(series.participants.organizer.identity.user.id);
      expect(om.subject).toBe('Samordningsgrupp Nära vård');
    }
  });

  test('someone not invited gets an empty list; no filter is a 400', async () => {
    const r = await call(emu, 'nils.ahl@regionostmark.se', byJoinUrl(series.joinWebUrl));
    expect(r.status).toBe(200);
    expect(r.body.value).toEqual([]);
    expect((await call(emu, SECRETARY, '/me/onlineMeetings')).status).toBe(400);
  });

  test('GET /me/onlineMeetings/{id}', async () => {
    const r = await call(emu, SECRETARY, `/me/onlineMeetings/${series.id}`);
    expect(r.status).toBe(200);
    expect(r.body.startDateTime).toMatch(/Z$/);
    expect((await call(emu, 'nils.ahl@regionostmark.se', `/me/onlineMeetings/${series.id}`)).status).toBe(404);
  });
});

describe('attendance reports', () => {
  test('only the organiser may read them: the secretary gets 403 with a Graph error', async () => {
    const r = await call(emu, SECRETARY, `/me/onlineMeetings/${series.id}/attendanceReports`);
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'Forbidden', innerError: { 'request-id': expect.any(String) } });
    const one = await call(emu, SECRETARY, `/me/onlineMeetings/${series.id}/attendanceReports/${series.attendanceReports[0].id}`);
    expect(one.status).toBe(403);
  });

  test('the organiser lists reports newest first, without records', async () => {
    const r = await call(emu, CHAIR, `/me/onlineMeetings/${series.id}/attendanceReports`);
    expect(r.status).toBe(200);
    const starts = r.body.value.map((x: Json) => x.meetingStartDateTime);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(r.body.value).toHaveLength(6);
    expect(r.body.value[0]).toEqual({
      id: '9312255c-4257-42d0-83c6-06b8cc23e628',
      totalParticipantCount: 12,
      meetingStartDateTime: '2026-11-20T06:54:00Z',
      meetingEndDateTime: '2026-11-20T08:03:06Z',
      attendanceRecords: [],
    });
  });

  test('$expand=attendanceRecords gives identities, roles, intervals and totals', async () => {
    const r = await call(emu, CHAIR, `/me/onlineMeetings/${series.id}/attendanceReports/9312255c-4257-42d0-83c6-06b8cc23e628?$expand=attendanceRecords`);
    expect(r.status).toBe(200);
    const recs = r.body.attendanceRecords as Json[];
    const byName = Object.fromEntries(recs.map((x) => [x.identity.displayName, x]));
    expect(byName['Karin Ekström'].role).toBe('Organizer');
    const mikael = byName['Mikael Törnqvist'];
    expect(mikael.attendanceIntervals).toHaveLength(2);
    expect(mikael.totalAttendanceInSeconds).toBe(mikael.attendanceIntervals.reduce((s: number, i: Json) => s + i.durationInSeconds, 0));
    expect(byName['Johan Rask']).toMatchObject({ emailAddress: 'johan.rask@aby.se', identity: { tenantId: '6828bac1-31b1-431c-a0fe-8fd4685b94da' } });
    expect(byName['Petra Andersson']).toMatchObject({ emailAddress: null, identity: { id: null, tenantId: null } });
    expect(byName['Regionens hus, sal Linnéa'].emailAddress).toBe('sal.linnea@regionostmark.se');
    expect(byName['Emma Nyberg']).toBeDefined();
    expect(byName['Maja Holm']).toBeUndefined();
    expect(byName['Lars Öberg']).toBeUndefined();
    const plain = await call(emu, CHAIR, `/me/onlineMeetings/${series.id}/attendanceReports/9312255c-4257-42d0-83c6-06b8cc23e628`);
    expect(plain.body).not.toHaveProperty('attendanceRecords');
  });

  test('the secretary reads the report of the meeting they organised; unknown reports are 404', async () => {
    const list = await call(emu, SECRETARY, `/me/onlineMeetings/${bered.id}/attendanceReports`);
    expect(list.status).toBe(200);
    expect(list.body.value).toHaveLength(1);
    const recs = await call(emu, SECRETARY, `/me/onlineMeetings/${bered.id}/attendanceReports/${list.body.value[0].id}/attendanceRecords`);
    expect(recs.body.value.some((x: Json) => x.identity.displayName === 'Gunilla (Åby kommun)' && x.identity.id === null)).toBe(true);
    const missing = await call(emu, SECRETARY, `/me/onlineMeetings/${bered.id}/attendanceReports/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
  });
});

describe('attendance at scale and over a long series', () => {
  let big: RunningEmulator;
  let rec: RunningEmulator;
  beforeAll(async () => {
    big = await start(path.join(SCENARIOS, 'attendees-300.json'));
    rec = await start(path.join(SCENARIOS, 'recurring-reports.json'));
  });
  afterAll(async () => {
    await big.close();
    await rec.close();
  });

  test('attendanceRecords are paged with a nextLink', async () => {
    const om = (await scenarioInfo(big)).resolved.onlineMeetings[0];
    const reportId = om.attendanceReports[0].id;
    const first = await call(big, SECRETARY, `/me/onlineMeetings/${om.id}/attendanceReports/${reportId}/attendanceRecords`);
    expect(first.body.value).toHaveLength(100);
    let link: string | undefined = first.body['@odata.nextLink'];
    expect(link?.startsWith(big.graphBaseUrl)).toBe(true);
    let total = first.body.value.length;
    while (link) {
      const page = await call(big, SECRETARY, link);
      total += page.body.value.length;
      link = page.body['@odata.nextLink'];
    }
    expect(total).toBe(om.attendanceReports[0].totalParticipantCount);
    expect(total).toBeGreaterThan(250);
  });

  test('Graph lists only the 50 most recent reports of a meeting', async () => {
    const info = await scenarioInfo(rec);
    const weekly = info.resolved.onlineMeetings.find((m: Json) => m.subject === 'Ledningsgrupp primärvård');
    expect(weekly.attendanceReports).toHaveLength(55);
    const r = await call(rec, SECRETARY, `/me/onlineMeetings/${weekly.id}/attendanceReports`);
    expect(r.body.value).toHaveLength(50);
    expect(r.body['@odata.nextLink']).toBeUndefined();
  });

  test('an occurrence can have no report, or two when someone rejoined after the end', async () => {
    const info = await scenarioInfo(rec);
    const ev = info.resolved.events.find((e: Json) => e.subject === 'Styrgrupp Hjärta och kärl');
    const ended = ev.occurrences.filter((o: Json) => o.ended);
    const counts = ended.slice(-3).map((o: Json) => o.reportIds.length);
    expect(counts).toEqual([0, 2, 1]);
  });
});

describe('edge cases: a user without mail, and records of 0 seconds', () => {
  let edge: RunningEmulator;
  let dialog: Json;
  beforeAll(async () => {
    edge = await start(path.join(SCENARIOS, 'edge-cases.json'));
    dialog = (await scenarioInfo(edge)).resolved.onlineMeetings.find((m: Json) => m.subject === 'Dialogmöte med anhörigföreningar');
  });
  afterAll(() => edge.close());

  test('the invitation and the record of a user without mail carry the userPrincipalName', async () => {
    const ev = await call(edge, SECRETARY, `/me/events/${encodeURIComponent(dialog.eventId)}?$select=attendees`);
    expect(ev.body.attendees).toContainEqual({ type: 'required', status: expect.objectContaining({ response: 'accepted' }), emailAddress: { name: 'Elin Sjöberg', address: 'Elin.Sjoberg@regionostmark.se' } });
    const recs = await call(edge, SECRETARY, `/me/onlineMeetings/${dialog.id}/attendanceReports/${dialog.attendanceReports[0].id}/attendanceRecords`);
    const elin = recs.body.value.find((x: Json) => x.identity.displayName === 'Elin Sjöberg');
    expect(elin).toMatchObject({ emailAddress: 'Elin.Sjoberg@regionostmark.se', role: 'Attendee' });
    expect(elin.totalAttendanceInSeconds).toBeGreaterThan(80 * 60);
  });

  test('an invitee and an uninvited guest are in the report with 0 seconds', async () => {
    const recs = await call(edge, SECRETARY, `/me/onlineMeetings/${dialog.id}/attendanceReports/${dialog.attendanceReports[0].id}/attendanceRecords`);
    const byName = Object.fromEntries(recs.body.value.map((x: Json) => [x.identity.displayName, x]));
    expect(byName['Lisa Holmberg']).toMatchObject({ emailAddress: 'lisa.holmberg@regionostmark.se', totalAttendanceInSeconds: 0 });
    expect(byName['Maria Lund']).toMatchObject({ emailAddress: 'maria.lund@stromsby.se', totalAttendanceInSeconds: 0, identity: { tenantId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d' } });
    const ev = await call(edge, SECRETARY, `/me/events/${encodeURIComponent(dialog.eventId)}?$select=attendees`);
    const invited = ev.body.attendees.map((a: Json) => a.emailAddress.address.toLowerCase());
    expect(invited).toContain('lisa.holmberg@regionostmark.se');
    expect(invited).not.toContain('maria.lund@stromsby.se');
  });
});
