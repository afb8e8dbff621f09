// The version of minutes as the chair reads them (DESIGN.md "Sign-off"): SHA-256 over the canonical
// JSON of the rendered document (domain/signOff.ts canonicalJson), in hex. Web Crypto, which the
// browser and Node 20 both have; the domain stays free of it.

import type { MinutesDocument } from '../domain/render';
import { canonicalJson } from '../domain/signOff';

export async function documentVersion(document: MinutesDocument): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(document));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
