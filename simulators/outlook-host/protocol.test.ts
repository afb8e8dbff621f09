import { answer, OutlookHostBridge, type BridgeRecords, type Session } from './bridge';
import { appointmentItem, bodyAs, internetHeaders, messageItem } from './item';
import { defaultItem, eventChoices } from './mailbox';
import { parseParams, toSearch } from './params';
import { appContext, paneUrl, parseRequest, response, type XdmRequest } from './protocol';

const user = { displayName: 'Karin Ekström', emailAddress: 'karin.ekstrom@regionostmark.se', timeZone: 'Europe/Stockholm' };
const message = messageItem(
  {
    id: 'AAMk-1',
    subject: 'Protokoll för justering',
    from: { emailAddress: { name: 'Ahmed Yilmaz', address: 'ahmed.yilmaz@regionostmark.se' } },
    toRecipients: [{ emailAddress: { name: 'Karin Ekström', address: 'karin.ekstrom@regionostmark.se' } }],
    sentDateTime: '2026-11-24T09:30:00Z',
    body: { contentType: 'html', content: '<p>Hej Karin &amp; Olof</p><p>Se bifogat</p>' },
    internetMessageHeaders: [
      { name: 'x-justera-minutes', value: 'm-1' },
      { name: 'x-justera-version', value: 'v-2' },
    ],
  },
  user,
  'http://127.0.0.1:4001/v1.0',
);

const session = (over: Partial<Session> = {}): Session => ({
  id: 1,
  paneOrigin: 'https://localhost:4004',
  hostOrigin: 'https://localhost:4003',
  conversationId: 'conv-1',
  appId: 'app-1',
  correlationId: 'corr-1',
  locale: 'en-US',
  roamingSettings: { lastVersion: 'v-1' },
  item: message,
  ...over,
});

const request = (actionName: string, data: unknown = null, extra: Partial<XdmRequest> = {}): XdmRequest => ({
  _messageType: 0,
  _actionName: actionName,
  _conversationId: 'conv-1',
  _correlationId: 7,
  _origin: 'https://localhost:4004',
  _data: data,
  _actionType: 0,
  ...extra,
});
const execute = (dispatchId: number, params: unknown = undefined) => request('ExecuteMethod', { ApiParams: params, MethodData: { ControlId: 'app-1', DispatchId: dispatchId } });

describe("the pane's URL, where office.js finds its host", () => {
  test('names Outlook on the web with the locale, and ends the fragment with the conversation, app and host origin', () => {
    const url = new URL(paneUrl('https://localhost:4004/pane.html', { locale: 'sv-SE', correlationId: 'c', conversationId: 'conv', appId: 'app', hostOrigin: 'https://localhost:4003' }));
    expect(url.searchParams.get('_host_Info')).toBe('Outlook$Web$16.01$sv-SE$c$$disableLogging$0');
    // office.js looks for "&_xdm_Info=" and reads to the end of the fragment.
    expect(url.hash).toBe('#&_xdm_Info=conv$app$https://localhost:4003');
  });
});

describe('the XDM messages', () => {
  test('a request is a JSON string with message type 0; anything else is not for the simulator', () => {
    expect(parseRequest(JSON.stringify(request('GetInitialData')))).toMatchObject({ _actionName: 'GetInitialData', _correlationId: 7 });
    for (const other of [request('GetInitialData'), '{"_messageType":1,"_actionName":"x","_conversationId":"c","_correlationId":1}', 'not json', '{"id":1,"func":"initialize"}', null]) {
      expect(parseRequest(typeof other === 'object' && other !== null ? other : other)).toBeNull();
    }
  });

  test('an answer echoes the action, conversation and correlation ids, as a response for calling', () => {
    expect(response(request('GetInitialData'), { a: 1 }, 'https://localhost:4003')).toEqual({
      _messageType: 1,
      _actionName: 'GetInitialData',
      _conversationId: 'conv-1',
      _correlationId: 7,
      _origin: 'https://localhost:4003',
      _data: { a: 1 },
      _errorCode: 0,
      _responseType: 0,
      _serializerVersion: 1,
    });
  });

  test('the app context is Outlook on the web in the chosen language, with Mailbox 1.8 and NestedAppAuth 1.1 and the roaming settings as JSON strings', () => {
    const c = appContext(session());
    expect(c).toMatchObject({ _appName: 64, _appUILocale: 'en-US', _dataLocale: 'en-US', _id: 'app-1', _settings: { lastVersion: '"v-1"' } });
    expect(JSON.parse(c._requirementMatrix as string)).toEqual({ Mailbox: '1.8', NestedAppAuth: '1.1' });
  });
});

describe('what the simulated Outlook answers', () => {
  test('the initial data of a message: sender, recipients and subject as office.js reads them', () => {
    expect(answer(request('GetInitialData'), session())).toMatchObject({
      handled: true,
      data: {
        itemType: 1,
        permissionLevel: 1,
        id: 'AAMk-1',
        subject: 'Protokoll för justering',
        from: { address: 'ahmed.yilmaz@regionostmark.se', name: 'Ahmed Yilmaz' },
        to: [{ address: 'karin.ekstrom@regionostmark.se', name: 'Karin Ekström', recipientType: 2 }],
        userEmailAddress: 'karin.ekstrom@regionostmark.se',
        dateTimeSent: Date.parse('2026-11-24T09:30:00Z'),
      },
    });
  });

  test('body.getAsync (37) in HTML as it is, and as text without the tags', () => {
    expect(answer(execute(37, { coercionType: 3 }), session()).data).toEqual({ data: '<p>Hej Karin &amp; Olof</p><p>Se bifogat</p>' });
    expect(answer(execute(37, { coercionType: 0 }), session()).data).toEqual({ data: 'Hej Karin & Olof\nSe bifogat' });
    expect(answer(execute(37, { coercionType: 9 }), session()).data).toMatchObject({ error: true });
  });

  test('getAllInternetHeadersAsync (168): one header block with the custom x- headers the sender set, names encoded where not ASCII', () => {
    const headers = (answer(execute(168), session()).data as { data: string }).data;
    expect(headers).toContain('\r\nx-justera-minutes: m-1\r\nx-justera-version: v-2\r\n');
    expect(headers).toMatch(/^From: Ahmed Yilmaz <ahmed\.yilmaz@regionostmark\.se>\r\n/);
    expect(headers).toContain('To: =?utf-8?B?');
    expect(headers).toContain('Subject: =?utf-8?B?');
  });

  test('a method or an event the simulator does not know is an error for the pane and unhandled for the test', () => {
    expect(answer(execute(12), session())).toMatchObject({ handled: false, data: { error: true } });
    expect(answer(request('ContextActivationManager_somethingNew'), session())).toMatchObject({ handled: false });
    expect(answer(request('olkItemSelectedChanged', null, { _actionType: 1 }), session())).toMatchObject({ handled: false });
    expect(answer(request('appCommandInvoked', null, { _actionType: 1 }), session())).toMatchObject({ handled: true });
    // An appointment has no internet headers.
    const appointment = session({ item: appointmentItem({ id: 'ev-1', subject: 'Styrgruppen' }, user, '') });
    expect(answer(execute(168), appointment)).toMatchObject({ handled: false });
  });
});

describe("the pane's sign-in (OfficeRuntime.auth.getAccessToken)", () => {
  // What office.js's WAC delegate posts for getAccessTokenAsync (outlook-web-16.01.debug.js executeAsync).
  const getAccessToken = request('executeMethod', { DdaMethod: { ControlId: 'app-1', Version: 1, DispatchId: 98 }, __timeout__: -1, forMSGraphAccess: true });

  test("is answered with the persona's token under the name office.js reads it by", () => {
    expect(answer(getAccessToken, session({ accessToken: 'token-of-karin' }))).toEqual({ handled: true, data: { Version: 1, Error: 0, accessToken: 'token-of-karin' } });
  });

  test('without a token, says the user is not signed in (13001) rather than handing out nothing', () => {
    expect(answer(getAccessToken, session({ accessToken: undefined }))).toEqual({ handled: true, data: { Version: 1, Error: 13001 } });
  });

  test('another common API method is recorded as not simulated', () => {
    const other = request('executeMethod', { DdaMethod: { ControlId: 'app-1', Version: 1, DispatchId: 97 } });
    expect(answer(other, session())).toMatchObject({ handled: false, dispatchId: 97 });
  });
});

describe('the bridge', () => {
  const setup = () => {
    const sent: [string, string][] = [];
    const frame = { postMessage: (m: string, origin: string) => sent.push([m, origin]) };
    const records: BridgeRecords = { log: [], unhandled: [], problems: [] };
    return { sent, frame, records, bridge: new OutlookHostBridge(session(), () => frame, records) };
  };

  test("answers its own pane's request to the pane's origin only, and records both ways", () => {
    const { sent, frame, records, bridge } = setup();
    bridge.receive({ data: JSON.stringify(execute(168)), origin: 'https://localhost:4004', source: frame as unknown as Window });
    expect(sent).toHaveLength(1);
    expect(sent[0]![1]).toBe('https://localhost:4004');
    expect(JSON.parse(sent[0]![0])).toMatchObject({ _messageType: 1, _correlationId: 7, _errorCode: 0 });
    expect(records.log.map((l) => `${l.direction} ${l.action} ${l.dispatchId}`)).toEqual(['in ExecuteMethod 168', 'out ExecuteMethod 168']);
    expect(records.unhandled).toEqual([]);
  });

  test('ignores other windows, other origins and other conversations, and says so for the last two', () => {
    const { sent, frame, records, bridge } = setup();
    bridge.receive({ data: JSON.stringify(request('GetInitialData')), origin: 'https://localhost:4004', source: {} as Window });
    bridge.receive({ data: JSON.stringify(request('GetInitialData')), origin: 'https://evil.example', source: frame as unknown as Window });
    bridge.receive({ data: JSON.stringify(request('GetInitialData', null, { _conversationId: 'other' })), origin: 'https://localhost:4004', source: frame as unknown as Window });
    expect(sent).toEqual([]);
    expect(records.problems).toEqual([expect.stringContaining('https://evil.example'), expect.stringContaining('conversation other')]);
  });

  test('records what it does not answer, and still answers, so the pane does not wait for ever', () => {
    const { sent, frame, records, bridge } = setup();
    bridge.receive({ data: JSON.stringify(execute(12)), origin: 'https://localhost:4004', source: frame as unknown as Window });
    expect(records.unhandled).toEqual([expect.objectContaining({ action: 'ExecuteMethod', dispatchId: 12 })]);
    expect(sent).toHaveLength(1);
  });
});

describe('an appointment', () => {
  test('start and end from Graph in UTC, organiser and attendees with their responses', () => {
    const item = appointmentItem(
      {
        id: 'ev-1',
        subject: 'Samordningsgrupp Nära vård',
        start: { dateTime: '2026-11-24T08:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-11-24T09:30:00.0000000', timeZone: 'UTC' },
        location: { displayName: 'Rum 4' },
        organizer: { emailAddress: { name: 'Ahmed Yilmaz', address: 'ahmed.yilmaz@regionostmark.se' } },
        attendees: [
          { type: 'required', emailAddress: { name: 'Karin Ekström', address: 'karin.ekstrom@regionostmark.se' }, status: { response: 'accepted' } },
          { type: 'optional', emailAddress: { name: 'Olof Bergström', address: 'olof.bergstrom@regionostmark.se' }, status: { response: 'declined' } },
        ],
      },
      user,
      '',
    );
    expect(item.initialData).toMatchObject({
      itemType: 2,
      start: Date.parse('2026-11-24T08:00:00Z'),
      end: Date.parse('2026-11-24T09:30:00Z'),
      location: 'Rum 4',
      organizer: { name: 'Ahmed Yilmaz', appointmentResponse: 1 },
      to: [{ name: 'Karin Ekström', appointmentResponse: 3 }],
      cc: [{ name: 'Olof Bergström', appointmentResponse: 4 }],
    });
    expect(item.headers).toBeUndefined();
    expect(bodyAs({ contentType: 'text', content: 'a < b\nc' }, 3)).toBe('<html><body><div>a &#60; b<br>c</div></body></html>');
  });
});

describe('the toolbar and the URL', () => {
  test('the default item is the newest mail, else the next meeting, else the last one', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const events = eventChoices(
      [
        { id: 'past', subject: 'Förra', start: { dateTime: '2026-11-20T08:00:00.0000000' } },
        { id: 'far', subject: 'Sen', start: { dateTime: '2026-12-20T08:00:00.0000000' } },
        { id: 'next', subject: 'Nästa', start: { dateTime: '2026-11-25T08:00:00.0000000' } },
      ],
      now,
    );
    expect(events.map((c) => `${c.group}:${c.ref.id}`)).toEqual(['upcoming:next', 'upcoming:far', 'past:past']);
    expect(defaultItem(events)).toEqual({ kind: 'event', id: 'next' });
    expect(defaultItem([{ ref: { kind: 'message', id: 'm' }, label: '', when: '', group: 'mail' }, ...events])).toEqual({ kind: 'message', id: 'm' });
    expect(defaultItem(events.filter((c) => c.group === 'past'))).toEqual({ kind: 'event', id: 'past' });
  });

  test('parameters round-trip, and bad ones fall back with a warning (the pane must be https)', () => {
    const { params, warnings } = parseParams('?persona=secretary&item=message:AAMk%3D%3D&locale=en-US');
    expect(params).toEqual({ persona: 'secretary', item: { kind: 'message', id: 'AAMk==' }, locale: 'en-US', app: undefined });
    expect(warnings).toEqual([]);
    expect(parseParams(toSearch(params)).params).toEqual(params);
    const bad = parseParams('?persona=boss&item=file:1&locale=<x>&app=http://localhost:4004/pane.html');
    expect(bad.params).toEqual({ persona: 'chair', item: undefined, locale: 'sv-SE', app: undefined });
    expect(bad.warnings).toHaveLength(4);
  });
});

test('internetHeaders leaves a plain ASCII value as it is', () => {
  expect(internetHeaders({ id: 'x', subject: 'Minutes', body: { contentType: 'text', content: '' } })).toBe(
    'Subject: Minutes\r\nMessage-ID: <x@graph-emulator>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="utf-8"\r\n',
  );
});
