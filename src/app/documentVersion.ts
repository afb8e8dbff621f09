// The version of minutes as the chair reads them (DESIGN.md "Sign-off"): SHA-256 over the canonical
// JSON of the rendered document (domain/signOff.ts canonicalJson), in hex. Web Crypto, which the
// browser and Node 20 both have; the domain stays free of it.

import type { MinutesDocument } from '../domain/render';
import type { Minutes } from '../domain/minutes';
import { canonicalJson } from '../domain/signOff';
import { signedContent } from '../domain/signOffState';

export async function documentVersion(document: MinutesDocument): Promise<string> {
  return sha256Hex(canonicalJson(document));
}

/** The hash of the minutes' own content as a round signs it (signOffState.ts signedContent). */
export async function contentVersion(minutes: Minutes): Promise<string> {
  return sha256Hex(canonicalJson(signedContent(minutes)));
}

async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
