// Justera's tag on an approval mail (custom internet headers sent through Graph's sendMail), read from
// the headers Outlook gives the pane or Graph gives for a message. Kept apart from approval.ts so the
// pane's first script reads a tag without loading the Graph client.

import type { InternetHeaders } from '../host/outlookHeaders';

/** The headers Justera puts on an approval mail, and the one Exchange stamps on mail from outside. */
export const JUSTERA_HEADERS = { minutes: 'x-justera-minutes', version: 'x-justera-version' } as const;
const AUTH_AS = 'x-ms-exchange-organization-authas';

/** What an approval mail's headers say. */
export interface MailTag {
  minutesId: string;
  version: string;
  /** Exchange says the sender was not authenticated in the organisation (AuthAs: Anonymous). */
  fromOutside: boolean;
}

/** Justera's tag: both headers, each exactly once; no tag at all otherwise. */
export function mailTag(headers: InternetHeaders): MailTag | undefined {
  const one = (name: string) => {
    const values = headers.get(name);
    return values?.length === 1 ? values[0]?.trim() : undefined;
  };
  const minutesId = one(JUSTERA_HEADERS.minutes);
  const version = one(JUSTERA_HEADERS.version);
  if (!minutesId || !version) return undefined;
  const fromOutside = (headers.get(AUTH_AS) ?? []).some((v) => v.trim().toLowerCase() !== 'internal');
  return { minutesId, version, fromOutside };
}

