// The minutes as the document will look (domain/render.ts lays them out by the template), and the
// controls that show it and download it as Word. Every value is printed as text; notes are
// DOMPurify's output read into runs (notesDocument.ts) and built here as React elements, so no HTML
// string reaches the page. Until the sanitizer loads (or if it cannot), notes show as plain text.
// The .docx writer (docx.ts, with the docx package) loads only when someone downloads.

import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Title3, Subtitle2, ToggleButton, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { Fragment, useEffect, useId, useState, type ReactNode } from 'react';
import type { DocumentItem, MinutesDocument } from '../../../domain/render';
import { useI18n } from '../../i18n';
import { loadNotesReader, type NotesBlock, type NotesRun, type ReadNotes } from './notesDocument';
import { htmlToText } from './notesText';
import { saveBlob } from '../saveBlob';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', minWidth: 0 },
  document: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    '& p': { margin: 0 },
    '& ul, & ol': { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalXL },
    '@media (forced-colors: active)': { border: '1px solid CanvasText' },
  },
  heading: { margin: 0, marginTop: tokens.spacingVerticalM },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    // A narrow pane or phone (the Outlook pane, the approval link): each value under its label, full width.
    '@media (max-width: 30rem)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: { margin: 0, minWidth: 0, '@media (max-width: 30rem)': { marginBottom: tokens.spacingVerticalS } },
  time: { fontStyle: 'italic' },
  plain: { whiteSpace: 'pre-wrap' },
  sign: {
    display: 'block',
    width: 'min(16rem, 100%)',
    height: tokens.spacingVerticalXXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForeground1}`,
    '@media (forced-colors: active)': { borderBottomColor: 'CanvasText' },
  },
});

/** The notes reader once the sanitizer has loaded; undefined until then (and if it cannot). */
function useNotesReader(): ReadNotes | undefined {
  const [reader, setReader] = useState<ReadNotes | undefined>();
  useEffect(() => {
    let live = true;
    loadNotesReader().then(
      (r) => live && setReader(() => r),
      (e: unknown) => console.warn('Justera: the sanitizer could not be loaded; notes show as plain text', e),
    );
    return () => {
      live = false;
    };
  }, []);
  return reader;
}

function Runs({ runs }: { runs: readonly NotesRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.bold) node = <strong>{node}</strong>;
        if (r.italic) node = <em>{node}</em>;
        if (r.href) {
          node = (
            <a href={r.href} target="_blank" rel="noopener noreferrer">
              {node}
            </a>
          );
        }
        return (
          <Fragment key={i}>
            {r.breakBefore && <br />}
            {node}
          </Fragment>
        );
      })}
    </>
  );
}

type ListItem = Extract<NotesBlock, { kind: 'listItem' }>;

/** Consecutive list items as a list, deeper levels nested in the item before them. */
function List({ items }: { items: readonly ListItem[] }) {
  const base = items[0]!.level;
  const groups: { item: ListItem; children: ListItem[] }[] = [];
  for (const it of items) {
    const last = groups.at(-1);
    if (last && it.level > base) last.children.push(it);
    else groups.push({ item: it, children: [] });
  }
  const Tag = items[0]!.ordered ? 'ol' : 'ul';
  return (
    <Tag>
      {groups.map((g, i) => (
        <li key={i}>
          <Runs runs={g.item.runs} />
          {g.children.length > 0 && <List items={g.children} />}
        </li>
      ))}
    </Tag>
  );
}

function Notes({ html, reader, plainClass }: { html: string; reader: ReadNotes | undefined; plainClass: string }) {
  if (!reader) return <p className={plainClass}>{htmlToText(html)}</p>;
  const blocks = reader(html);
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i]!;
    if (block.kind === 'paragraph') {
      out.push(
        <p key={i}>
          <Runs runs={block.runs} />
        </p>,
      );
      i += 1;
      continue;
    }
    let j = i;
    while (j < blocks.length && blocks[j]!.kind === 'listItem') j += 1;
    out.push(<List key={i} items={blocks.slice(i, j) as ListItem[]} />);
    i = j;
  }
  return <div dir="auto">{out}</div>;
}

function Item({ item, reader, headingClass, timeClass, plainClass }: { item: DocumentItem; reader: ReadNotes | undefined; headingClass: string; timeClass: string; plainClass: string }) {
  return (
    <>
      <Subtitle2 as="h3" className={headingClass}>
        <bdi>{item.heading}</bdi>
      </Subtitle2>
      {item.time && <Text className={timeClass}>{item.time}</Text>}
      {item.subPoints.length > 0 && (
        <ul>
          {item.subPoints.map((p, i) => (
            <li key={i}>
              <bdi>{p}</bdi>
            </li>
          ))}
        </ul>
      )}
      {item.notes.map((n, i) => (
        <Fragment key={i}>
          {(n.group || n.scribe) && (
            <p>
              <strong>
                <bdi>{[n.group, n.scribe].filter(Boolean).join(', ')}</bdi>
              </strong>
            </p>
          )}
          <Notes html={n.html} reader={reader} plainClass={plainClass} />
        </Fragment>
      ))}
      {item.decisions.map((d, i) => (
        <p key={`d${i}`}>
          <strong>{item.decisionsLabel}:</strong> <bdi>{d}</bdi>
        </p>
      ))}
      {item.actions.map((a, i) => (
        <p key={`a${i}`}>
          <strong>{item.actionsLabel}:</strong> <bdi>{a.text}</bdi>
        </p>
      ))}
    </>
  );
}

/** The minutes as the document will look: the same headings, fields, lists and words as the .docx. */
export function MinutesPreview({ document: doc }: { document: MinutesDocument }) {
  const styles = useStyles();
  const reader = useNotesReader();
  const titleId = useId();
  return (
    <article className={styles.document} lang={doc.locale} aria-labelledby={titleId}>
      <Title3 as="h2" id={titleId} className={styles.heading}>
        <bdi>{doc.title}</bdi>
      </Title3>
      {doc.subtitle && (
        <Text weight="semibold">
          <bdi>{doc.subtitle}</bdi>
        </Text>
      )}
      {doc.header.length > 0 && (
        <dl className={styles.fields}>
          {doc.header.map((f) => (
            <Fragment key={f.id}>
              <dt className={styles.term}>
                <bdi>{f.label}</bdi>
              </dt>
              <dd className={styles.definition}>
                <bdi>{f.value}</bdi>
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      {doc.sections.map((s) => {
        switch (s.kind) {
          case 'agenda':
            return (
              <Fragment key={s.kind}>
                {s.items.map((item) => (
                  <Item key={item.id} item={item} reader={reader} headingClass={styles.heading} timeClass={styles.time} plainClass={styles.plain} />
                ))}
              </Fragment>
            );
          case 'actions':
          case 'followUp':
            return (
              <Fragment key={s.kind}>
                <Subtitle2 as="h3" className={styles.heading}>
                  <bdi>{s.label}</bdi>
                </Subtitle2>
                <ul>
                  {(s.kind === 'actions' ? s.actions : s.entries).map((a, i) => (
                    <li key={i}>
                      <bdi>{a.text}</bdi>
                    </li>
                  ))}
                </ul>
              </Fragment>
            );
          case 'nextMeeting':
            return (
              <Fragment key={s.kind}>
                <Subtitle2 as="h3" className={styles.heading}>
                  <bdi>{s.label}</bdi>
                </Subtitle2>
                <p>
                  <bdi>{s.text}</bdi>
                </p>
              </Fragment>
            );
          case 'recordedBy':
            return (
              <p key={s.kind} className={styles.heading}>
                <strong>
                  <bdi>{s.label}</bdi>:
                </strong>{' '}
                <bdi>{s.names.join(', ')}</bdi>
              </p>
            );
          case 'approvedBy':
            return (
              <div key={s.kind}>
                <p>
                  <strong>
                    <bdi>{s.label}</bdi>:
                  </strong>
                </p>
                {s.signers.map((p, i) => (
                  <p key={i}>
                    {!s.approved && <span className={styles.sign} aria-hidden="true" />}
                    <bdi>{[p.name, p.role].filter(Boolean).join(', ')}</bdi>
                    {p.approvedAt && ` ${p.approvedAt}`}
                  </p>
                ))}
              </div>
            );
        }
      })}
    </article>
  );
}

/**
 * "Förhandsgranska" (a toggle: the preview takes the editor's place until pressed again) and
 * "Ladda ned Word". The document is rendered when asked for, from the minutes as they are then.
 */
export function MinutesDocumentBar({ previewing, onPreviewChange, render }: { previewing: boolean; onPreviewChange: (on: boolean) => void; render: () => MinutesDocument }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = useState<{ phase: 'idle' } | { phase: 'writing' } | { phase: 'done'; fileName: string } | { phase: 'failed' }>({ phase: 'idle' });
  const download = async () => {
    setState({ phase: 'writing' });
    try {
      const model = render();
      const { writeDocx } = await import(/* webpackChunkName: "docx" */ './docx');
      saveBlob(await writeDocx(model), model.fileName);
      setState({ phase: 'done', fileName: model.fileName });
    } catch (e) {
      console.warn('Justera: the Word file could not be written', e);
      setState({ phase: 'failed' });
    }
  };
  const writing = state.phase === 'writing';
  return (
    <>
      <div className={styles.bar} role="toolbar" aria-label={t('minutesDocument.toolbar')}>
        <ToggleButton checked={previewing} icon={<DocumentSearchRegular />} onClick={() => onPreviewChange(!previewing)}>
          {t('minutesDocument.preview')}
        </ToggleButton>
        <Button icon={writing ? <Spinner size="extra-tiny" /> : <ArrowDownloadRegular />} disabledFocusable={writing} aria-busy={writing} onClick={() => void download()}>
          {t('minutesDocument.download')}
        </Button>
        <Text role="status" aria-live="polite" size={200}>
          {state.phase === 'writing' ? t('minutesDocument.writing') : state.phase === 'done' ? t('minutesDocument.downloaded', { name: state.fileName }) : ''}
        </Text>
      </div>
      {state.phase === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('minutesDocument.failed')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
