/** Event bodies: Outlook's HTML wrapper, text conversion and bodyPreview. */

const ENTITIES = new Map<string, string>([['nbsp', '\u00a0'], ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['ndash', '–'], ['mdash', '—']]);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES.get(e.toLowerCase()) ?? m;
  });
}

/** The body as Outlook stores it: a full HTML document with a charset meta element. */
export function outlookHtml(body: string): string {
  const head = '<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>';
  if (!/<html[\s>]/i.test(body)) return `<html>${head}<body>${body}</body></html>`;
  if (/<head[\s>]/i.test(body)) return body;
  return body.replace(/<html([^>]*)>/i, `<html$1>${head}`);
}

export function htmlToText(html: string): string {
  let s = html.replace(/<(head|style|script)[^>]*>[\s\S]*?<\/\1>/gi, '');
  s = s.replace(/\r?\n/g, ' ');
  s = s.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|tr|h\d|li|table)>/gi, '\n').replace(/<\/t[dh]>/gi, '\t');
  s = decodeEntities(s.replace(/<[^>]+>/g, ''));
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+$/g, '').replace(/^[ \u00a0]+/g, ''))
    .join('\r\n')
    .replace(/(\r\n){3,}/g, '\r\n\r\n')
    .trim();
}

/** bodyPreview: the first 255 characters of the text, whitespace collapsed. */
export function bodyPreview(html: string): string {
  return htmlToText(html).replace(/\s+/g, ' ').trim().slice(0, 255);
}
