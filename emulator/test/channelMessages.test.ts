import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/server';
import { call, CHAIR, CHAIR_ID, MEMBER, NOW, SCENARIOS, SECRETARY, SECRETARY_ID, scenarioInfo, type Json, type Reply } from './helpers';

const OUTSIDER = 'nils.ahl@regionostmark.se'; // in the directory, not in the team

// A clock the tests move: a channel takes 4 posts a second, so each post below starts a second later
// unless a test is about that limit.
let clock = NOW.getTime();
let emu: RunningEmulator;
let team: Json;
let messages: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, scenario: path.join(SCENARIOS, 'demo.json'), now: () => new Date(clock) });
  team = (await scenarioInfo(emu)).resolved.teams[0];
  messages = `/teams/${team.id}/channels/${encodeURIComponent(team.channels[1].id)}/messages`; // Samordningsgrupp
});
afterAll(() => emu.close());

function send(user: string, url: string, body: unknown): Promise<Reply> {
  return call(emu, user, url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function post(user: string, body: unknown, url = messages): Promise<Reply> {
  clock += 1000;
  return send(user, url, body);
}

/** Uploads a file to the channel's folder and gives the driveItem Graph answered with. */
async function upload(name: string): Promise<Json> {
  const url = `/drives/${team.driveId}/items/${team.channels[1].folderId}:/${encodeURIComponent(name)}:/content`;
  const r = await call(emu, SECRETARY, url, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: 'PK fake docx' });
  expect(r.status).toBe(201);
  return r.body;
}

/** The GUID inside a driveItem's eTag ("{GUID},1"), as chatmessage-post's file example uses it. */
const guidOf = (eTag: string): string => (/\{([^}]+)\}/.exec(eTag)?.[1] ?? '').toLowerCase();

function fileMessage(item: Json, id = guidOf(item.eTag), tagId = id): Json {
  return {
    body: { contentType: 'html', content: `<p>Protokollet</p><attachment id="${tagId}"></attachment>` },
    attachments: [{ id, contentType: 'reference', contentUrl: item.webUrl, name: item.name }],
  };
}

const mention = (id: number, name: string, userId: string) => ({ id, mentionText: name, mentioned: { user: { id: userId, displayName: name, userIdentityType: 'aadUser' } } });

describe('posting a channel message', () => {
  test('a member posts; Graph answers 201 with the chatMessage as the sender and the channel see it', async () => {
    const r = await post(SECRETARY, { body: { contentType: 'html', content: '<p>Hej <b>alla</b></p>' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      '@odata.context': expect.stringContaining(`/$metadata#teams('${team.id}')/channels(`),
      id: String(clock),
      etag: String(clock),
      messageType: 'message',
      createdDateTime: new Date(clock).toISOString(),
      from: { user: { id: SECRETARY_ID, displayName: 'Ahmed Yilmaz', userIdentityType: 'aadUser' } },
      body: { contentType: 'html', content: '<p>Hej <b>alla</b></p>' },
      channelIdentity: { teamId: team.id, channelId: team.channels[1].id },
      attachments: [],
      mentions: [],
      importance: 'normal',
    });
    expect(r.body.webUrl).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(team.channels[1].id)}/${r.body.id}?groupId=${team.id}&tenantId=${(await scenarioInfo(emu)).tenant.id}&createdTime=${r.body.id}&parentMessageId=${r.body.id}`,
    );
    const one = await call(emu, MEMBER, `${messages}/${r.body.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: r.body.id, body: r.body.body, from: r.body.from });
  });

  test('body.contentType defaults to text; a message without body.content is 400', async () => {
    const r = await post(MEMBER, { body: { content: 'Bara text' } });
    expect(r.status).toBe(201);
    expect(r.body.body).toEqual({ contentType: 'text', content: 'Bara text' });
    const none = await post(MEMBER, { subject: 'tomt' });
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'BadRequest', message: expect.any(String), innerError: expect.any(Object) });
  });

  test('someone outside the team cannot post or read (403); an unknown team or channel is 404', async () => {
    const r = await post(OUTSIDER, { body: { content: 'Hej' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('Forbidden');
    expect((await call(emu, OUTSIDER, messages)).status).toBe(403);
    expect((await post(SECRETARY, { body: { content: 'x' } }, `/teams/00000000-0000-0000-0000-000000000000/channels/${encodeURIComponent(team.channels[1].id)}/messages`)).status).toBe(404);
    expect((await post(SECRETARY, { body: { content: 'x' } }, `/teams/${team.id}/channels/19%3Anope%40thread.tacv2/messages`)).status).toBe(404);
    expect((await call(emu, SECRETARY, `${messages}/1234`)).status).toBe(404);
  });
});

describe('a file attached by reference', () => {
  test('the id is the GUID in the eTag, contentUrl the webUrl, and the body names the id: 201', async () => {
    const item = await upload('Protokoll 2026-11-20.docx');
    const r = await post(SECRETARY, fileMessage(item));
    expect(r.status).toBe(201);
    expect(r.body.attachments).toEqual([
      { id: guidOf(item.eTag), contentType: 'reference', contentUrl: item.webUrl, content: null, name: 'Protokoll 2026-11-20.docx', thumbnailUrl: null },
    ]);
  });

  test('an attachment without id, or with an id that is not the file eTag GUID, is 400', async () => {
    const item = await upload('Protokoll A.docx');
    const noId = fileMessage(item);
    delete noId.attachments[0].id;
    expect((await post(SECRETARY, noId)).status).toBe(400);
    const wrong = await post(SECRETARY, fileMessage(item, '153fa47d-18c9-4179-be08-9879815a9f90'));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('BadRequest');
  });

  test('a contentUrl that is no file in the team drive is 400', async () => {
    const item = await upload('Protokoll B.docx');
    const elsewhere = fileMessage({ ...item, webUrl: 'https://contoso.sharepoint.com/sites/x/Shared%20Documents/Protokoll%20B.docx' }, guidOf(item.eTag));
    expect((await post(SECRETARY, elsewhere)).status).toBe(400);
    const folder = await call(emu, SECRETARY, `/drives/${team.driveId}/items/${team.channels[1].folderId}`);
    expect((await post(SECRETARY, fileMessage(folder.body))).status).toBe(400);
  });

  test('the body must carry <attachment id> with the same id, and name no attachment that is not there', async () => {
    const item = await upload('Protokoll C.docx');
    const noTag = fileMessage(item);
    noTag.body.content = '<p>Protokollet</p>';
    const r = await post(SECRETARY, noTag);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('<attachment id=');
    expect((await post(SECRETARY, fileMessage(item, guidOf(item.eTag), 'something-else'))).status).toBe(400);
    const strayTag = { body: { contentType: 'html', content: '<attachment id="abc"></attachment>' } };
    expect((await post(SECRETARY, strayTag)).status).toBe(400);
  });
});

describe('mentions', () => {
  test('<at id="N"> in the body and mentions[N] that match: 201 with the mentions', async () => {
    const r = await post(SECRETARY, {
      body: { contentType: 'html', content: '<p><at id="0">Karin Ekström</at> och <at id="1">Olof</at>: era åtgärder</p>' },
      mentions: [mention(0, 'Karin Ekström', CHAIR_ID), mention(1, 'Olof', '200e524a-1d89-4ede-b9c2-7a70d509b636')],
    });
    expect(r.status).toBe(201);
    expect(r.body.mentions[0]).toEqual({
      id: 0,
      mentionText: 'Karin Ekström',
      mentioned: { application: null, device: null, conversation: null, user: { id: CHAIR_ID, displayName: 'Karin Ekström', userIdentityType: 'aadUser' } },
    });
  });

  test('a tag without its mention, a mention without its tag, or different text is 400', async () => {
    const body = (content: string) => ({ contentType: 'html', content });
    expect((await post(SECRETARY, { body: body('<at id="0">Karin Ekström</at>') })).status).toBe(400);
    expect((await post(SECRETARY, { body: body('Hej Karin'), mentions: [mention(0, 'Karin Ekström', CHAIR_ID)] })).status).toBe(400);
    expect((await post(SECRETARY, { body: body('<at id="0">Karin</at>'), mentions: [mention(0, 'Karin Ekström', CHAIR_ID)] })).status).toBe(400);
    expect((await post(SECRETARY, { body: body('<at id="1">Karin Ekström</at>'), mentions: [mention(0, 'Karin Ekström', CHAIR_ID)] })).status).toBe(400);
    const noUser = { id: 0, mentionText: 'Karin Ekström', mentioned: {} };
    expect((await post(SECRETARY, { body: body('<at id="0">Karin Ekström</at>'), mentions: [noUser] })).status).toBe(400);
  });

  test('a name with & or < is escaped in the tag and plain in mentionText, as Graph compares them', async () => {
    const body = (content: string) => ({ contentType: 'html', content });
    const name = 'Öberg & <Lind>';
    expect((await post(SECRETARY, { body: body('<at id="0">Öberg &amp; &lt;Lind&gt;</at>'), mentions: [mention(0, name, CHAIR_ID)] })).status).toBe(201);
    expect((await post(SECRETARY, { body: body('<at id="0">Öberg &amp; &lt;Lind&gt;</at>'), mentions: [mention(0, 'Öberg &amp; &lt;Lind&gt;', CHAIR_ID)] })).status).toBe(400);
  });
});

describe('limits', () => {
  test('a post over about 28 KB is 413 RequestEntityTooLarge; just under it lands', async () => {
    const big = await post(SECRETARY, { body: { contentType: 'html', content: `<p>${'å'.repeat(15_000)}</p>` } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('RequestEntityTooLarge');
    const fits = await post(SECRETARY, { body: { contentType: 'html', content: 'x'.repeat(28 * 1024 - 100) } });
    expect(fits.status).toBe(201);
  });

  test('a fifth post within a second in one channel is 429 with Retry-After; another channel and a second later are fine', async () => {
    clock += 1000;
    for (let i = 0; i < 4; i++) expect((await send(MEMBER, messages, { body: { content: `nr ${i}` } })).status).toBe(201);
    const fifth = await send(CHAIR, messages, { body: { content: 'nr 5' } });
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('1');
    expect(fifth.body.error.code).toBe('TooManyRequests');
    const general = `/teams/${team.id}/channels/${encodeURIComponent(team.channels[0].id)}/messages`;
    expect((await send(CHAIR, general, { body: { content: 'annan kanal' } })).status).toBe(201);
    clock += 999;
    expect((await send(CHAIR, messages, { body: { content: 'för tidigt' } })).status).toBe(429);
    clock += 1;
    expect((await send(CHAIR, messages, { body: { content: 'nu' } })).status).toBe(201);
  });
});

describe('reading the channel', () => {
  test('newest first, $top pages with @odata.nextLink to the end', async () => {
    const all = await call(emu, MEMBER, `${messages}?$top=50`);
    expect(all.status).toBe(200);
    const ids = all.body.value.map((m: Json) => Number(m.id));
    expect(ids.length).toBeGreaterThan(5);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const seen: string[] = [];
    let next: string | undefined = `${messages}?$top=3`;
    while (next) {
      const page: Reply = await call(emu, MEMBER, next.replace(/^https?:\/\/[^/]+\/v1\.0/, ''));
      expect(page.body.value.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.value.map((m: Json) => m.id));
      next = page.body['@odata.nextLink'];
    }
    expect(seen).toEqual(all.body.value.map((m: Json) => m.id));
    expect((await call(emu, MEMBER, `${messages}?$top=51`)).status).toBe(400);
  });

  test('each channel lists only its own messages', async () => {
    const general = `/teams/${team.id}/channels/${encodeURIComponent(team.channels[0].id)}/messages`;
    const posted = await post(CHAIR, { body: { content: 'Till General' } }, general);
    expect(posted.status).toBe(201);
    const list = await call(emu, MEMBER, `${general}?$top=50`);
    expect(list.body.value[0].id).toBe(posted.body.id);
    expect(new Set(list.body.value.map((m: Json) => m.channelIdentity.channelId))).toEqual(new Set([team.channels[0].id]));
    const own = await call(emu, MEMBER, `${messages}?$top=50`);
    expect(own.body.value.map((m: Json) => m.id)).not.toContain(posted.body.id);
    expect((await call(emu, MEMBER, `${messages}/${posted.body.id}`)).status).toBe(404);
  });
});
