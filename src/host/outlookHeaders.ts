// Internet headers as getAllInternetHeadersAsync gives them: one RFC 5322 block. Parsed into
// lower-case names (header names are case-insensitive) with folded lines unfolded; a name that
// occurs more than once keeps every value, in order. Looked up in a Map, never an object.

export type InternetHeaders = ReadonlyMap<string, readonly string[]>;

export function parseInternetHeaders(block: string): InternetHeaders {
  const headers = new Map<string, string[]>();
  // Unfold: a line starting with whitespace continues the header before it (RFC 5322, 2.2.3).
  const lines = block.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ').split('\n');
  for (const line of lines) {
    if (line === '') break; // the end of the header block
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    const value = line.slice(colon + 1).trim();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/** The one value of a header, or undefined when it is missing or given more than once (ambiguous). */
export function singleHeader(headers: InternetHeaders, name: string): string | undefined {
  const values = headers.get(name.toLowerCase());
  return values?.length === 1 ? values[0] : undefined;
}
