import { parseInternetHeaders, singleHeader } from './outlookHeaders';
import { readJusteraTag } from '../ui/pane/justeraTag';

const block = [
  'Received: from mail.example (10.0.0.1)',
  '\tby mx.example; Tue, 24 Nov 2026 09:30:00 +0000',
  'From: =?utf-8?B?QWhtZWQ=?= <ahmed.yilmaz@regionostmark.se>',
  'X-Justera-Minutes: minutes-1',
  'x-justera-version: sha256-abc',
  'Subject: a: b',
  '',
  'Not: a header, the body',
].join('\r\n');

describe('internet headers as Outlook gives them', () => {
  test('names are case-insensitive, folded lines are unfolded, the block ends at the first empty line', () => {
    const headers = parseInternetHeaders(block);
    expect(singleHeader(headers, 'received')).toBe('from mail.example (10.0.0.1) by mx.example; Tue, 24 Nov 2026 09:30:00 +0000');
    expect(singleHeader(headers, 'SUBJECT')).toBe('a: b');
    expect(headers.has('not')).toBe(false);
    expect(singleHeader(headers, 'constructor')).toBeUndefined();
  });

  test("Justera's tag is both x-justera headers, each exactly once", () => {
    expect(readJusteraTag(block)).toEqual({ minutesId: 'minutes-1', version: 'sha256-abc', fromOutside: false });
    expect(readJusteraTag('Subject: hej\r\nx-justera-minutes: m\r\n')).toBeUndefined();
    // Two versions: ambiguous, so not a tag (a relay cannot add a second one to change it).
    expect(readJusteraTag('x-justera-minutes: m\r\nx-justera-version: 1\r\nx-justera-version: 2\r\n')).toBeUndefined();
    expect(readJusteraTag('')).toBeUndefined();
  });
});
