// The tag Justera puts on an approval mail (custom internet headers sent through Graph's sendMail), read
// back from the headers Outlook gives the pane. Both headers, each exactly once, or no tag at all.

import { parseInternetHeaders, singleHeader } from '../../host/outlookHeaders';

export const JUSTERA_HEADERS = { minutes: 'x-justera-minutes', version: 'x-justera-version' } as const;

export interface JusteraTag {
  minutesId: string;
  version: string;
}

export function readJusteraTag(headerBlock: string): JusteraTag | undefined {
  const headers = parseInternetHeaders(headerBlock);
  const minutesId = singleHeader(headers, JUSTERA_HEADERS.minutes);
  const version = singleHeader(headers, JUSTERA_HEADERS.version);
  return minutesId && version ? { minutesId, version } : undefined;
}
