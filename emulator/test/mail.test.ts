import { readFileSync } from 'node:fs';
import type { RunningEmulator, Scenario } from '../src/server';
import { call, CHAIR, CHAIR_ID, SCENARIOS, SECRETARY, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const send = (user: string, body: unknown) =>
  call(emu, user, '/me/sendMail', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const admin = async (): Promise<Json[]> => ((await (await fetch(`${emu.url}/_emulator/mail`)).json()) as Json).value;

describe('POST /me/sendMail (user-sendmail)', () => {
  test('answers 202 with no body, and the message lands in the recipient\'s inbox', async () => {
    const r = await send(SECRETARY, {
      message: {
        subject: 'Närvaron på Samordningsgrupp Nära vård',
        body: { contentType: 'HTML', content: '<p>Hej Karin!</p>' },
        toRecipients: [{ emailAddress: { address: CHAIR, name: 'Karin Ekström' } }],
        internetMessageHeaders: [{ name: 'x-justera-minutes', value: 'abc' }],
      },
      saveToSentItems: true,
    });
    expect(r.status).toBe(202);
    expect(r.body).toBeUndefined();

    const inbox = await call(emu, CHAIR, '/me/messages');
    expect(inbox.status).toBe(200);
    expect(inbox.body.value).toHaveLength(1);
    expect(inbox.body.value[0]).toMatchObject({
      subject: 'Närvaron på Samordningsgrupp Nära vård',
      body: { contentType: 'html', content: '<p>Hej Karin!</p>' },
      from: { emailAddress: { address: SECRETARY, name: 'Ahmed Yilmaz' } },
      toRecipients: [{ emailAddress: { address: CHAIR, name: 'Karin Ekström' } }],
      isRead: false,
    });
    // Not in the sender's inbox.
    expect((await call(emu, SECRETARY, '/me/messages')).body.value).toEqual([]);

    const sent = await admin();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      internetMessageHeaders: [
        { name: 'x-justera-minutes', value: 'abc' },
        { name: 'X-MS-Exchange-Organization-AuthAs', value: 'Internal' },
      ],
      saveToSentItems: true,
    });
  });

  test('400 ErrorInvalidRecipients without toRecipients, or with an empty or unresolvable one; nothing is sent', async () => {
    const before = (await admin()).length;
    for (const toRecipients of [undefined, [], [{ emailAddress: { address: '' } }], [{ emailAddress: { name: 'Karin' } }]]) {
      const r = await send(SECRETARY, { message: { subject: 'x', body: { contentType: 'Text', content: 'x' }, toRecipients } });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('ErrorInvalidRecipients');
    }
    expect((await admin()).length).toBe(before);
  });

  test('400 without a message, or with a custom header not named x-...', async () => {
    expect((await send(SECRETARY, {})).status).toBe(400);
    const r = await send(SECRETARY, {
      message: { subject: 'x', toRecipients: [{ emailAddress: { address: CHAIR } }], internetMessageHeaders: [{ name: 'Justera', value: '1' }] },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('InvalidInternetMessageHeader');
  });

  test("the recipient reads one message by id (GET /me/messages/{id}); its x- headers only with $select, as Graph returns them", async () => {
    await send(SECRETARY, {
      message: {
        subject: 'Justera: protokoll för justering',
        body: { contentType: 'Text', content: 'Hej' },
        toRecipients: [{ emailAddress: { address: CHAIR } }],
        internetMessageHeaders: [
          { name: 'x-justera-minutes', value: 'm-1' },
          { name: 'x-justera-version', value: 'v-7' },
        ],
      },
    });
    const id = ((await call(emu, CHAIR, '/me/messages')).body.value as Json[]).find((m) => m.subject === 'Justera: protokoll för justering')!.id as string;

    const plain = await call(emu, CHAIR, `/me/messages/${id}`);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ id, subject: 'Justera: protokoll för justering', from: { emailAddress: { address: SECRETARY } } });
    expect(plain.body.internetMessageHeaders).toBeUndefined();

    const selected = await call(emu, CHAIR, `/me/messages/${id}?$select=subject,internetMessageHeaders`);
    expect(selected.status).toBe(200);
    expect(selected.body.internetMessageHeaders).toEqual([
      { name: 'x-justera-minutes', value: 'm-1' },
      { name: 'x-justera-version', value: 'v-7' },
      { name: 'X-MS-Exchange-Organization-AuthAs', value: 'Internal' },
    ]);
    expect(selected.body.subject).toBe('Justera: protokoll för justering');
    expect(selected.body.body).toBeUndefined();

    const listed = await call(emu, CHAIR, '/me/messages?$select=subject,internetMessageHeaders&$top=1');
    expect(listed.body.value).toHaveLength(1);
    expect(listed.body['@odata.nextLink']).toContain('$skip=1');
    expect(Object.keys(listed.body.value[0]).sort()).toEqual(['id', 'internetMessageHeaders', 'subject']);
  });

  test("404 ErrorItemNotFound for another mailbox's message or an unknown id; 400 for $select of an unknown property", async () => {
    const id = (await call(emu, CHAIR, '/me/messages?$top=1')).body.value[0].id as string;
    const others = await call(emu, SECRETARY, `/me/messages/${id}`);
    expect(others.status).toBe(404);
    expect(others.body.error.code).toBe('ErrorItemNotFound');
    expect((await call(emu, CHAIR, '/me/messages/constructor')).status).toBe(404);
    expect((await call(emu, CHAIR, `/me/messages/${id}?$select=__proto__`)).status).toBe(400);
  });

  test('mail from a user of the tenant is stamped AuthAs Internal, and a sender cannot stamp it themselves', async () => {
    const subject = 'Försöker se intern ut';
    await send(SECRETARY, {
      message: {
        subject,
        toRecipients: [{ emailAddress: { address: CHAIR } }],
        internetMessageHeaders: [{ name: 'X-MS-Exchange-Organization-AuthAs', value: 'Anonymous' }, { name: 'x-ms-exchange-organization-authsource', value: 'fake' }],
      },
    });
    const copy = ((await call(emu, CHAIR, '/me/messages?$select=subject,internetMessageHeaders&$top=50')).body.value as Json[]).find((m) => m.subject === subject);
    expect(copy.internetMessageHeaders).toEqual([{ name: 'X-MS-Exchange-Organization-AuthAs', value: 'Internal' }]);
  });

  test('POST /_emulator/mail/deliver puts mail from outside the tenant in the inbox, stamped Anonymous even when its From names a colleague', async () => {
    const deliver = (body: unknown) => fetch(`${emu.url}/_emulator/mail/deliver`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const r = await deliver({
      from: { address: SECRETARY, name: 'Ahmed Yilmaz' },
      to: CHAIR,
      subject: 'Protokoll för justering (förfalskat)',
      body: { contentType: 'HTML', content: '<p>Klicka här</p>' },
      headers: [
        { name: 'x-justera-minutes', value: 'drive/folder' },
        { name: 'X-MS-Exchange-Organization-AuthAs', value: 'Internal' },
      ],
    });
    expect(r.status).toBe(201);
    const { id, deliveredTo } = (await r.json()) as Json;
    expect(deliveredTo).toEqual([CHAIR_ID]);

    const copy = await call(emu, CHAIR, `/me/messages/${id}?$select=subject,from,internetMessageHeaders`);
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ subject: 'Protokoll för justering (förfalskat)', from: { emailAddress: { address: SECRETARY, name: 'Ahmed Yilmaz' } } });
    expect(copy.body.internetMessageHeaders).toEqual([
      { name: 'x-justera-minutes', value: 'drive/folder' },
      { name: 'X-MS-Exchange-Organization-AuthAs', value: 'Anonymous' },
    ]);
    expect((await call(emu, SECRETARY, `/me/messages/${id}`)).status).toBe(404);

    // What sendMail refuses, delivery refuses too.
    expect((await deliver({ from: 'x@example.org', to: [] })).status).toBe(400);
    expect((await deliver({ from: 'x@example.org', to: CHAIR, headers: [{ name: 'Received', value: 'x' }] })).status).toBe(400);
    expect((await deliver({ to: CHAIR })).status).toBe(400);
  });

  test("a scenario's mailFromOutside is in the inbox at load, stamped Anonymous; a recipient who is not in the tenant is a scenario problem", async () => {
    const demo = JSON.parse(readFileSync(`${SCENARIOS}/demo.json`, 'utf8')) as Scenario;
    emu.loadScenario({
      ...demo,
      mailFromOutside: [
        {
          from: SECRETARY,
          fromName: 'Ahmed Yilmaz',
          to: [CHAIR_ID],
          subject: 'Protokoll för justering',
          bodyHtml: '<p>Öppna länken</p>',
          headers: [{ name: 'x-justera-version', value: 'abc' }],
          received: 'today-1d 08:00',
        },
      ],
    });
    const inbox = (await call(emu, CHAIR, '/me/messages?$select=subject,from,receivedDateTime,internetMessageHeaders')).body.value as Json[];
    expect(inbox).toEqual([
      expect.objectContaining({
        subject: 'Protokoll för justering',
        from: { emailAddress: { address: SECRETARY, name: 'Ahmed Yilmaz' } },
        receivedDateTime: expect.stringMatching(/^2026-11-2[12]T0[67]:00:00Z$/),
        internetMessageHeaders: [
          { name: 'x-justera-version', value: 'abc' },
          { name: 'X-MS-Exchange-Organization-AuthAs', value: 'Anonymous' },
        ],
      }),
    ]);
    expect(() => emu.loadScenario({ ...demo, mailFromOutside: [{ from: 'x@example.org', to: ['nobody@example.org'], subject: 'x' }] })).toThrow(/mailFromOutside\[0\]\.to\[0\]/);
    emu.loadScenario(`${SCENARIOS}/demo.json`);
  });

  test('401 without a token; loading a scenario empties the mailboxes', async () => {
    expect((await call(emu, null, '/me/sendMail', { method: 'POST', body: '{}' })).status).toBe(401);
    emu.loadScenario(`${__dirname}/../scenarios/demo.json`);
    expect(await admin()).toEqual([]);
  });
});
