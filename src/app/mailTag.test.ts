import { parseInternetHeaders } from '../host/outlookHeaders';
import { mailTag } from './mailTag';

const block = (...lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

describe("an approval mail's tag", () => {
  test('both headers, each once, make a tag from inside the organisation', () => {
    expect(mailTag(parseInternetHeaders(block('X-Justera-Minutes: drive/folder', 'x-justera-version: abc', 'X-MS-Exchange-Organization-AuthAs: Internal')))).toEqual({
      minutesId: 'drive/folder',
      version: 'abc',
      fromOutside: false,
    });
  });

  test('Exchange saying the sender was anonymous marks the mail as from outside', () => {
    expect(mailTag(parseInternetHeaders(block('x-justera-minutes: d/f', 'x-justera-version: v', 'X-MS-Exchange-Organization-AuthAs: Anonymous')))?.fromOutside).toBe(true);
  });

});
