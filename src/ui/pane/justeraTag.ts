// The tag Justera puts on an approval mail (custom internet headers sent through Graph's sendMail), read
// back from the headers Outlook gives the pane. Both headers, each exactly once, or no tag at all
// (app/approval.ts mailTag, which the meeting's path reads from Graph's headers too).

import { mailTag, type MailTag } from '../../app/mailTag';
import { parseInternetHeaders } from '../../host/outlookHeaders';

export { JUSTERA_HEADERS } from '../../app/mailTag';
export type JusteraTag = MailTag;

export function readJusteraTag(headerBlock: string): JusteraTag | undefined {
  return mailTag(parseInternetHeaders(headerBlock));
}
