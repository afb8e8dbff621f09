import { attachmentIdFromETag, messageFile, postChannelMessage } from './channelMessages';

const GUID = '153FA47D-18C9-4179-BE08-9879815A9F90';

describe('the attachment id of a file in SharePoint', () => {
  it.each([
    [`"{${GUID}},3"`, GUID.toLowerCase()],
    [`{${GUID}},1`, GUID.toLowerCase()],
    [`W/"{${GUID.toLowerCase()}},12"`, GUID.toLowerCase()],
  ])('is the GUID inside the eTag %s, in lower case', (eTag, id) => {
    expect(attachmentIdFromETag(eTag)).toBe(id);
  });

  it.each(['', '"abc,1"', '"{not-a-guid},2"', `"${GUID},1"`, 'W/"aGVsbG8="'])('is undefined for an eTag with no braced GUID: %j', (eTag) => {
    expect(attachmentIdFromETag(eTag)).toBeUndefined();
  });

  it("a driveItem becomes a file attached by its webUrl, or nothing when its eTag holds no GUID", () => {
    const url = 'https://contoso.sharepoint.com/sites/g/Shared%20Documents/Protokoll.docx';
    expect(messageFile({ eTag: `"{${GUID}},2"`, webUrl: url, name: 'Protokoll.docx' })).toEqual({ id: GUID.toLowerCase(), url, name: 'Protokoll.docx' });
    expect(messageFile({ eTag: '"x"', webUrl: url, name: 'x' })).toBeUndefined();
  });
});

describe('a channel message on the wire', () => {
  const file = { id: GUID.toLowerCase(), url: 'https://x.sharepoint.com/a.docx', name: 'a.docx' };
  const mention = { id: 0, text: 'Olof Bergström', userId: 'u1', displayName: 'Olof Bergström' };

  it('adds the <attachment> tag a file needs, mentions with their user, and html as the content type', () => {
    const write = postChannelMessage('team 1', '19:abc@thread.tacv2', { html: '<p><at id="0">Olof Bergström</at></p>', files: [file], mentions: [mention] });
    expect(write).toMatchObject({ method: 'POST', path: '/teams/team%201/channels/19%3Aabc%40thread.tacv2/messages' });
    expect(JSON.parse(write.body as string)).toEqual({
      body: { contentType: 'html', content: `<p><at id="0">Olof Bergström</at></p><attachment id="${file.id}"></attachment>` },
      attachments: [{ id: file.id, contentType: 'reference', contentUrl: file.url, name: 'a.docx' }],
      mentions: [{ id: 0, mentionText: 'Olof Bergström', mentioned: { user: { id: 'u1', displayName: 'Olof Bergström', userIdentityType: 'aadUser' } } }],
    });
  });

  it('does not add a second tag when the body already places the attachment', () => {
    const html = `<p>Protokollet:</p><attachment id="${file.id}"></attachment><p>Slut</p>`;
    const write = postChannelMessage('t', 'c', { html, files: [file] });
    expect((JSON.parse(write.body as string) as { body: { content: string } }).body.content).toBe(html);
  });

  it('a message with neither files nor mentions sends neither list', () => {
    expect(JSON.parse(postChannelMessage('t', 'c', { html: '<p>Hej</p>' }).body as string)).toEqual({ body: { contentType: 'html', content: '<p>Hej</p>' } });
  });
});
