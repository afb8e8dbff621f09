// Notes as plain text and back, for the plain text box shown while the rich text editor loads (or
// when it cannot load): the stored HTML is parsed by the browser's DOMParser into an inert document
// (no script runs, nothing loads) and only its text is read; typed text goes back as escaped
// paragraphs. Nothing typed is lost; only formatting is, and only where the plain box was used.

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'TABLE', 'TR', 'PRE']);

export function htmlToText(html: string): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  const walk = (node: Node, listIndex?: { n: number; ordered: boolean }) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEMPLATE') return;
    if (el.tagName === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCKS.has(el.tagName);
    if (block && out.length && !out[out.length - 1]!.endsWith('\n')) out.push('\n');
    if (el.tagName === 'LI' && listIndex) {
      listIndex.n += 1;
      out.push(listIndex.ordered ? `${listIndex.n}. ` : '• ');
    }
    const inner = el.tagName === 'UL' || el.tagName === 'OL' ? { n: 0, ordered: el.tagName === 'OL' } : listIndex;
    el.childNodes.forEach((child) => walk(child, inner));
    if (block && out.length && !out[out.length - 1]!.endsWith('\n')) out.push('\n');
  };
  walk(doc.body);
  return out.join('').replace(/\n+$/, '');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Typed text as notes HTML: one escaped paragraph per line. */
export function textToHtml(text: string): string {
  if (!text.trim()) return '';
  return text
    .split('\n')
    .map((line) => (line ? `<p>${escape(line)}</p>` : '<p><br></p>'))
    .join('');
}
