import path from 'node:path';
import type { RunningEmulator } from '../src/server';
import { call, CHAIR, CHAIR_ID, SCENARIOS, scenarioInfo, SECRETARY, SECRETARY_ID, SERIES_ID, start, type Json } from './helpers';

let emu: RunningEmulator;
let info: Json;
beforeAll(async () => {
  emu = await start();
  info = await scenarioInfo(emu);
});
afterAll(() => emu.close());

const NOV = 'startDateTime=2026-11-01T00:00:00Z&endDateTime=2026-12-01T00:00:00Z';
const series = (items: Json[]) => items.filter((e) => e.subject === 'Samordningsgrupp Nära vård');

describe('calendarView', () => {
  test('needs startDateTime and endDateTime', async () => {
    const r = await call(emu, SECRETARY, '/me/calendarView');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ErrorInvalidParameter');
    expect(r.body.error.message).toContain('StartDateTime and EndDateTime');
  });

  test('expands the weekly series into occurrences with stable ids and the viewer’s seriesMasterId', async () => {
    const r = await call(emu, SECRETARY, `/me/calendarView?${NOV}&$top=50`);
    expect(r.status).toBe(200);
    expect(r.body['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users('${SECRETARY_ID}')/calendarView`);
    const occ = series(r.body.value);
    expect(occ.map((e) => e.start.dateTime)).toEqual([
      '2026-11-06T07:00:00.0000000',
      '2026-11-13T07:00:00.0000000',
      '2026-11-20T07:00:00.0000000',
      '2026-11-27T07:00:00.0000000',
    ]);
    const masterCopy = info.resolved.events[0].mailboxIds[SECRETARY_ID];
    expect(masterCopy).not.toBe(SERIES_ID);
    for (const e of occ) {
      expect(e.type).toBe('occurrence');
      expect(e.seriesMasterId).toBe(masterCopy);
      expect(e.start.timeZone).toBe('UTC');
      expect(e.isOnlineMeeting).toBe(true);
      expect(e.onlineMeetingProvider).toBe('teamsForBusiness');
      expect(e.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_/);
      expect(e.isOrganizer).toBe(false);
      expect(e.responseStatus.response).toBe('accepted');
    }
    const again = await call(emu, SECRETARY, `/me/calendarView?${NOV}&$top=50`);
    expect(series(again.body.value).map((e) => e.id)).toEqual(occ.map((e) => e.id));
    emu.loadScenario(path.join(SCENARIOS, 'demo.json'));
    const reloaded = await call(emu, SECRETARY, `/me/calendarView?${NOV}&$top=50`);
    expect(series(reloaded.body.value).map((e) => e.id)).toEqual(occ.map((e) => e.id));
    const occIds = info.resolved.events[0].occurrences.find((o: Json) => o.date === '2026-11-20').ids;
    expect(occ[2].id).toBe(occIds[SECRETARY_ID]);
  });

  test('the organiser’s copy tracks answers per occurrence; an attendee’s copy knows only its own', async () => {
    const karin = series((await call(emu, CHAIR, `/me/calendarView?${NOV}&$top=50`)).body.value);
    const nov20 = karin.find((e) => e.start.dateTime.startsWith('2026-11-20'));
    expect(nov20.type).toBe('exception');
    expect(nov20.isOrganizer).toBe(true);
    expect(nov20.responseStatus.response).toBe('organizer');
    const status = Object.fromEntries(nov20.attendees.map((a: Json) => [a.emailAddress.name, a.status.response]));
    expect(status['Maja Holm']).toBe('declined');
    expect(status['Lars Öberg']).toBe('accepted');
    expect(status['Johan Rask']).toBe('tentativelyAccepted');
    expect(status['Petra Andersson']).toBe('none');
    const room = nov20.attendees.find((a: Json) => a.type === 'resource');
    expect(room.emailAddress).toEqual({ name: 'Regionens hus, sal Linnéa', address: 'sal.linnea@regionostmark.se' });
    const nov13 = karin.find((e) => e.start.dateTime.startsWith('2026-11-13'));
    expect(nov13.attendees.find((a: Json) => a.emailAddress.name === 'Maja Holm').status.response).toBe('accepted');

    const ahmed = series((await call(emu, SECRETARY, `/me/calendarView?${NOV}&$top=50`)).body.value);
    const mine = ahmed.find((e) => e.start.dateTime.startsWith('2026-11-20'));
    const others = mine.attendees.filter((a: Json) => a.emailAddress.address !== SECRETARY);
    expect(new Set(others.map((a: Json) => a.status.response))).toEqual(new Set(['none']));
    expect(mine.attendees.find((a: Json) => a.emailAddress.address === SECRETARY).status.response).toBe('accepted');
    expect(mine.organizer.emailAddress).toEqual({ name: 'Karin Ekström', address: CHAIR });
  });

  test('a cancelled occurrence leaves the organiser’s calendar and stays, marked, in the attendee’s', async () => {
    const dec = 'startDateTime=2026-12-10T00:00:00Z&endDateTime=2026-12-12T00:00:00Z';
    expect(series((await call(emu, CHAIR, `/me/calendarView?${dec}`)).body.value)).toHaveLength(0);
    const a = series((await call(emu, SECRETARY, `/me/calendarView?${dec}`)).body.value);
    expect(a).toHaveLength(1);
    expect(a[0].isCancelled).toBe(true);
    expect(a[0].type).toBe('exception');
  });

  test('pages by 10 with an absolute $skip nextLink, honours $top and $orderby', async () => {
    const q = 'startDateTime=2026-09-01T00:00:00Z&endDateTime=2027-03-01T00:00:00Z';
    const first = await call(emu, SECRETARY, `/me/calendarView?${q}`);
    expect(first.body.value).toHaveLength(10);
    const next: string = first.body['@odata.nextLink'];
    expect(next).toMatch(new RegExp(`^${emu.graphBaseUrl.replace(/\./g, '\\.')}/me/calendarView\\?.*\\$skip=10`));
    const all = [...first.body.value];
    let link: string | undefined = next;
    while (link) {
      const page = await call(emu, SECRETARY, link);
      all.push(...page.body.value);
      link = page.body['@odata.nextLink'];
    }
    expect(all).toHaveLength(24); // 21 Fridays (one cancelled but shown) + 3 single meetings
    expect(new Set(all.map((e) => e.id)).size).toBe(24);
    const desc = await call(emu, SECRETARY, `/me/calendarView?${q}&$orderby=start/dateTime desc&$top=2&$select=subject,start`);
    expect(desc.body.value.map((e: Json) => e.start.dateTime)).toEqual(['2027-02-12T07:00:00.0000000', '2027-02-05T07:00:00.0000000']);
    expect(Object.keys(desc.body.value[0]).sort()).toEqual(['@odata.etag', 'id', 'start', 'subject']);
  });

  test('Prefer: outlook.timezone converts start and end and is confirmed', async () => {
    const r = await call(emu, SECRETARY, `/me/calendarView?${NOV}&$top=50`, { headers: { Prefer: 'outlook.timezone="W. Europe Standard Time"' } });
    expect(r.headers.get('preference-applied')).toBe('outlook.timezone="W. Europe Standard Time"');
    const e = series(r.body.value).find((x) => x.start.dateTime.startsWith('2026-11-20'));
    expect(e.start).toEqual({ dateTime: '2026-11-20T08:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    expect(e.originalStartTimeZone).toBe('W. Europe Standard Time');
  });

  test('another user’s calendar is 403; the own one under /users/{id} works', async () => {
    expect((await call(emu, SECRETARY, `/users/${CHAIR_ID}/calendarView?${NOV}`)).status).toBe(403);
    expect((await call(emu, SECRETARY, `/users/${SECRETARY_ID}/calendarView?${NOV}`)).status).toBe(200);
  });
});

describe('events', () => {
  test('the series master, an occurrence by id, and instances', async () => {
    const master = await call(emu, CHAIR, `/me/events/${encodeURIComponent(SERIES_ID)}`);
    expect(master.status).toBe(200);
    expect(master.body.type).toBe('seriesMaster');
    expect(master.body.recurrence.pattern).toMatchObject({ type: 'weekly', interval: 1, daysOfWeek: ['friday'] });
    expect(master.body.recurrence.range).toMatchObject({ type: 'endDate', startDate: '2026-09-25', endDate: '2027-02-12' });
    expect(master.body.body.contentType).toBe('html');
    expect(master.body.body.content).toContain('<td>Länskonferensen 2026 <i>(Karin E)</i></td>');
    expect(master.body.body.content).toContain(master.body.onlineMeeting.joinUrl);

    const inst = await call(emu, CHAIR, `/me/events/${encodeURIComponent(SERIES_ID)}/instances?${NOV}`);
    expect(inst.body.value.map((e: Json) => e.start.dateTime.slice(0, 10))).toEqual(['2026-11-06', '2026-11-13', '2026-11-20', '2026-11-27']);
    const occ = inst.body.value[2];
    const one = await call(emu, CHAIR, `/me/events/${encodeURIComponent(occ.id)}?$select=subject,type,iCalUId,seriesMasterId`);
    expect(one.body).toMatchObject({ id: occ.id, type: 'exception', seriesMasterId: SERIES_ID, subject: 'Samordningsgrupp Nära vård' });
    expect(one.body.iCalUId).not.toBe(master.body.iCalUId);
    expect(one.body['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users('${CHAIR_ID}')/events(subject,type,iCalUId,seriesMasterId)/$entity`);
  });

  test('ids belong to one mailbox: another user gets 404 for them', async () => {
    const r = await call(emu, SECRETARY, `/me/events/${encodeURIComponent(SERIES_ID)}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('ErrorItemNotFound');
  });
});
