// Notes shown read-only (a version in a conflict): the stored HTML is untrusted, so it is shown only
// after DOMPurify has kept the few tags notes use, with links that cannot run script. DOMPurify is
// loaded lazily, in its own chunk, the first time notes are shown this way; until then (or if it
// cannot load) the notes show as plain text, which is always safe.

import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { htmlToText } from './notesText';

type Sanitize = (html: string) => string;

const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'span'];

let loading: Promise<Sanitize> | undefined;

/** DOMPurify, configured for notes, once per page; a failed load is tried again next time. */
export function loadSanitizer(): Promise<Sanitize> {
  loading ??= import(/* webpackChunkName: "sanitize" */ 'dompurify').then(
    (mod) => {
      const purify = (mod as { default?: typeof mod.default }).default ?? (mod as unknown as typeof mod.default);
      const instance = purify(window);
      // Links open outside the tab and never carry the page's window to the target.
      instance.addHook('afterSanitizeAttributes', (node) => {
        if (node.tagName === 'A') {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      });
      return (html: string) => instance.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href'], ALLOW_DATA_ATTR: false });
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

const useStyles = makeStyles({
  notes: {
    overflowWrap: 'anywhere',
    minWidth: 0,
    unicodeBidi: 'isolate',
    '& p': { marginTop: 0, marginBottom: tokens.spacingVerticalXS },
    '& ul, & ol': { marginTop: 0, marginBottom: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalXL },
  },
  plain: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', unicodeBidi: 'isolate' },
});

export function NotesPreview({ html }: { html: string }) {
  const styles = useStyles();
  const [sanitize, setSanitize] = useState<Sanitize | undefined>();
  useEffect(() => {
    let live = true;
    loadSanitizer().then(
      (s) => live && setSanitize(() => s),
      (e: unknown) => console.warn('Justera: the sanitizer could not be loaded; notes show as plain text', e),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!sanitize) return <bdi className={styles.plain}>{htmlToText(html)}</bdi>;
  // Sanitized just above, with only the tags notes use: no script, no event handlers, no styles.
  return <div className={styles.notes} dir="auto" dangerouslySetInnerHTML={{ __html: sanitize(html) }} />;
}
