// Text that comes from outside (Graph, a file, another person): shown as text, isolated in its
// direction (<bdi>), wrapped anywhere when it has no spaces, and, where a row has room for only a
// few lines, clamped with the whole text in a tooltip. STYLE.md habit 15.

import { makeStyles, mergeClasses } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { isolate } from '../i18n';

const useStyles = makeStyles({
  text: { unicodeBidi: 'isolate', overflowWrap: 'anywhere', wordBreak: 'break-word', minWidth: 0, maxWidth: '100%' },
  clamp: { display: '-webkit-box', WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  // One line stays inline: cut with an ellipsis where the line ends.
  line: { display: 'inline-block', maxWidth: '100%', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' },
  clamp2: { WebkitLineClamp: 2 },
  clamp3: { WebkitLineClamp: 3 },
});

/** Longer than this, a clamped text is surely cut: the tooltip carries it whole. */
const TITLE_FROM = 60;

export function OutsideText({ text, lines, className }: { text: string; lines?: 1 | 2 | 3; className?: string }) {
  const styles = useStyles();
  const clamp = lines === 2 ? styles.clamp2 : lines === 3 ? styles.clamp3 : undefined;
  return (
    <bdi className={mergeClasses(styles.text, clamp && styles.clamp, clamp, lines === 1 && styles.line, className)} title={lines && text.length > TITLE_FROM ? isolate(text) : undefined}>
      {text}
    </bdi>
  );
}

/** Several outside texts in one sentence ("a, b, c"), each isolated on its own. */
export function OutsideList({ items }: { items: readonly string[] }) {
  return (
    <>
      {items.map((item, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <OutsideText text={item} />
        </span>
      ))}
    </>
  );
}

/** A passage mixing our words and outside texts, clamped to a few lines with the whole in a tooltip. */
export function Clamped({ lines, title, children }: { lines: 2 | 3; title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.text, styles.clamp, lines === 2 ? styles.clamp2 : styles.clamp3)} title={title.length > TITLE_FROM ? isolate(title) : undefined}>
      {children}
    </span>
  );
}
