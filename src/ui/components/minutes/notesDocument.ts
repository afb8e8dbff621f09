// Notes for the rendered minutes (preview and .docx): the stored HTML is untrusted, so DOMPurify
// keeps only what minutes use (p, br, strong, b, em, i, ul, ol, li, and links to http(s) or mailto;
// no style, class or event attributes), the result is parsed by DOMParser into an inert document
// (no script runs, nothing loads), and read into plain data: paragraphs and list items of text
// runs. Both writers build their own output from that data, so no HTML string ever reaches the page
// or the file. DOMPurify loads lazily (the "sanitize" chunk NotesPreview uses too).

export interface NotesRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** http(s) or mailto only. */
  href?: string;
  /** A line break before the text. */
  breakBefore?: boolean;
}

export type NotesBlock = { kind: 'paragraph'; runs: NotesRun[] } | { kind: 'listItem'; ordered: boolean; level: number; runs: NotesRun[] };

export type ReadNotes = (html: string) => NotesBlock[];

const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a'];
const SAFE_LINK = /^(?:https?:|mailto:)/i;

let loading: Promise<ReadNotes> | undefined;

/** The notes reader, once per page; a failed load is tried again next time. */
export function loadNotesReader(): Promise<ReadNotes> {
  loading ??= import(/* webpackChunkName: "sanitize" */ 'dompurify').then(
    (mod) => {
      const purify = (mod as { default?: typeof mod.default }).default ?? (mod as unknown as typeof mod.default);
      // An instance of its own: NotesPreview's adds target/rel hooks and allows more tags.
      const instance = purify(window);
      const sanitize = (html: string) =>
        instance.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href'], ALLOW_DATA_ATTR: false, ALLOWED_URI_REGEXP: SAFE_LINK, RETURN_TRUSTED_TYPE: false }) as string;
      return (html: string) => readSanitized(sanitize(html));
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Sanitized HTML to blocks of runs. Exported for tests; give it DOMPurify's output only. */
export function readSanitized(clean: string): NotesBlock[] {
  const doc = new DOMParser().parseFromString(clean, 'text/html');
  const blocks: NotesBlock[] = [];
  // Text outside any <p> or <li> ("text <b>bold</b>") gathers into a paragraph of its own.
  let open: NotesBlock | undefined;
  let pendingBreak = false;
  const current = (): NotesBlock => {
    if (!open) {
      open = { kind: 'paragraph', runs: [] };
      blocks.push(open);
    }
    return open;
  };
  const close = () => {
    open = undefined;
    pendingBreak = false;
  };
  const walk = (node: Node, style: Omit<NotesRun, 'text'>, list: { ordered: boolean; level: number } | undefined) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ');
      if (!text.trim() && !open) return;
      const block = current();
      block.runs.push({ text, ...style, ...(pendingBreak ? { breakBefore: true } : {}) });
      pendingBreak = false;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    const children = (s: Omit<NotesRun, 'text'>, l = list) => el.childNodes.forEach((c) => walk(c, s, l));
    switch (tag) {
      case 'br':
        if (open) pendingBreak = true;
        return;
      case 'strong':
      case 'b':
        return children({ ...style, bold: true });
      case 'em':
      case 'i':
        return children({ ...style, italic: true });
      case 'a': {
        const href = el.getAttribute('href') ?? '';
        return children(SAFE_LINK.test(href.trim()) ? { ...style, href: href.trim() } : style);
      }
      case 'p':
        // A paragraph inside a list item continues that item.
        if (list && open?.kind === 'listItem') return children(style);
        close();
        children(style);
        close();
        return;
      case 'ul':
      case 'ol':
        close();
        children(style, { ordered: tag === 'ol', level: list ? list.level + 1 : 0 });
        close();
        return;
      case 'li':
        close();
        open = { kind: 'listItem', ordered: list?.ordered ?? false, level: list?.level ?? 0, runs: [] };
        blocks.push(open);
        children(style);
        close();
        return;
      default:
        // Anything else DOMPurify let through (body, a stray wrapper): its text, nothing more.
        return children(style);
    }
  };
  walk(doc.body, {}, undefined);
  // Trim each block's edges and drop empty paragraphs.
  return blocks.flatMap((b) => {
    const runs = b.runs.filter((r, i, all) => r.text.trim() || (i > 0 && i < all.length - 1));
    if (runs.length === 0) return b.kind === 'listItem' ? [{ ...b, runs: [] }] : [];
    runs[0] = { ...runs[0]!, text: runs[0]!.text.trimStart() };
    const last = runs.length - 1;
    runs[last] = { ...runs[last]!, text: runs[last]!.text.trimEnd() };
    return [{ ...b, runs }];
  });
}

/** The blocks' text: for a fallback and for tests. */
export function blocksText(blocks: readonly NotesBlock[]): string {
  return blocks.map((b) => b.runs.map((r) => (r.breakBefore ? '\n' : '') + r.text).join('')).join('\n');
}
