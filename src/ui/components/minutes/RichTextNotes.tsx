// The rich text editor for notes (Lexical), loaded lazily by NotesEditor in its own chunk. It knows
// paragraphs, bold, italic, bulleted and numbered lists and links, nothing more: stored HTML goes in
// only through Lexical's own HTML import, which keeps only the nodes registered here (no script, no
// styles, no images; link addresses other than http(s), mailto and tel are replaced by Lexical), and
// HTML goes out when the typing pauses, on leaving the editor, and when it closes.

import { Button, Field, Input, makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { Link20Regular, TextBold20Regular, TextBulletListLtr20Regular, TextItalic20Regular, TextNumberListLtr20Regular } from '@fluentui/react-icons';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $createListNode, $isListItemNode, $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  BLUR_COMMAND,
  CLEAR_HISTORY_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type ParagraphNode,
  SKIP_DOM_SELECTION_TAG,
} from 'lexical';
import { useEffect, useId, useMemo, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import type { NotesEditorProps } from './NotesEditor';

/** How long typing may pause before the notes are sent (the sync coalesces further). */
const PAUSE_MS = 600;
const IMPORT_TAG = 'justera-import';

// Plain, stable class names: Lexical writes them into the exported HTML too.
const theme = {
  paragraph: 'notes-p',
  text: { bold: 'notes-bold', italic: 'notes-italic' },
  list: { ul: 'notes-ul', ol: 'notes-ol', listitem: 'notes-li', nested: { listitem: 'notes-nested' } },
  link: 'notes-link',
};

const useStyles = makeStyles({
  frame: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS, padding: tokens.spacingHorizontalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  editable: {
    minHeight: '5rem',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    outline: 'none',
    overflowWrap: 'anywhere',
    minWidth: 0,
    '& .notes-p': { marginTop: 0, marginBottom: tokens.spacingVerticalXS },
    '& .notes-ul, & .notes-ol': { marginTop: 0, marginBottom: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalXL },
    '& .notes-nested': { listStyleType: 'none' },
    '& .notes-bold': { fontWeight: tokens.fontWeightBold },
    '& .notes-italic': { fontStyle: 'italic' },
    '& .notes-link': { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline' },
  },
  link: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS },
  linkField: { flexGrow: 1, flexBasis: '12rem', minWidth: 0 },
});

/** The stored HTML as the editor's content. Inline nodes at the top go into paragraphs. */
function $importHtml(editor: LexicalEditor, html: string) {
  const root = $getRoot();
  root.clear();
  if (html.trim()) {
    // DOMParser makes an inert document: nothing in it runs or loads.
    const dom = new DOMParser().parseFromString(html, 'text/html');
    let paragraph: ParagraphNode | undefined;
    let looseItems: ListNode | undefined;
    for (const node of $generateNodesFromDOM(editor, dom) as LexicalNode[]) {
      if ($isListItemNode(node)) {
        // A list item outside any list: give it one.
        if (!looseItems) {
          looseItems = $createListNode('bullet');
          root.append(looseItems);
        }
        looseItems.append(node);
        paragraph = undefined;
      } else if (($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline()) {
        root.append(node);
        paragraph = undefined;
        looseItems = undefined;
      } else {
        if (!paragraph) {
          paragraph = $createParagraphNode();
          root.append(paragraph);
        }
        paragraph.append(node);
        looseItems = undefined;
      }
    }
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

/** The editor's content as HTML; empty notes are ''. */
function exportHtml(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const root = $getRoot();
    const empty = root.getTextContent().trim() === '' && !root.getChildren().some((n) => $isListNode(n));
    return empty ? '' : $generateHtmlFromNodes(editor, null);
  });
}

/** Only addresses a person can follow safely; anything else is refused before Lexical sees it. */
export function safeUrl(text: string): string | undefined {
  const raw = text.trim();
  if (!raw) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : raw.includes('@') && !raw.includes('/') ? `mailto:${raw}` : `https://${raw}`;
  try {
    const url = new URL(withScheme);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stable, so LinkPlugin never registers again on a re-render: registering marks the editor dirty,
 * and its update would put the caret (and the focus) back into this editor.
 */
const isSafeUrl = (url: string) => safeUrl(url) !== undefined;

/** Sends the notes when the typing pauses; takes in notes changed from outside. */
function SyncPlugin({ html, onChange }: Pick<NotesEditorProps, 'html' | 'onChange'>) {
  const [editor] = useLexicalComposerContext();
  // `seen`: the stored HTML the editor's content stands for; `exported`: that content as the editor writes it.
  const seen = useRef(html);
  const exported = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const send = useRef(onChange);
  send.current = onChange;

  /** Sends what was typed, if anything was; says whether it sent. */
  const flush = useRef((): boolean => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const now = exportHtml(editor);
    if (now === exported.current) return false;
    exported.current = now;
    const before = seen.current;
    seen.current = now;
    send.current(now, before);
    return true;
  });

  useEffect(() => {
    exported.current = exportHtml(editor);
    const flushNow = flush.current;
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (tags.has(IMPORT_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        clearTimeout(timer.current);
        timer.current = setTimeout(flushNow, PAUSE_MS);
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          if (timer.current) flushNow();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    // The tab hidden or closing: what was typed goes out before the sync's own flush on hide.
    const onHide = (e: Event) => {
      if ((e.type === 'pagehide' || document.visibilityState === 'hidden') && timer.current) flushNow();
    };
    document.addEventListener('visibilitychange', onHide, true);
    window.addEventListener('pagehide', onHide, true);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHide, true);
      window.removeEventListener('pagehide', onHide, true);
      // Closing (the item removed from view, the page left): what was typed goes out now.
      if (timer.current) flushNow();
    };
  }, [editor]);

  useEffect(() => {
    if (html === seen.current) return;
    // Typed here while other words arrived: ours goes in, and the edit keeps theirs as a conflict.
    if (timer.current && flush.current()) return;
    seen.current = html;
    // Someone else's words (a merge, a kept version): in place, without pulling the caret or the
    // focus into this editor when the person is elsewhere, and not undoable as if typed here.
    const focused = editor.getRootElement()?.contains(document.activeElement) ?? false;
    editor.update(
      () => {
        $importHtml(editor, html);
        if (!focused) $setSelection(null);
      },
      { tag: focused ? IMPORT_TAG : [IMPORT_TAG, SKIP_DOM_SELECTION_TAG], discrete: true },
    );
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    exported.current = exportHtml(editor);
  }, [editor, html]);

  return null;
}

interface Formats {
  bold: boolean;
  italic: boolean;
  list?: 'bullet' | 'number';
  link: boolean;
}

function FormatToolbar({ label, editorId }: { label: string; editorId: string }) {
  const [editor] = useLexicalComposerContext();
  const styles = useStyles();
  const { t } = useI18n();
  const [formats, setFormats] = useState<Formats>({ bold: false, italic: false, link: false });
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('');
  const [urlInvalid, setUrlInvalid] = useState(false);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        editorState.read(() => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection)) return;
          const anchor = selection.anchor.getNode();
          const list = $findMatchingParent(anchor, (n) => $isListNode(n)) as ListNode | null;
          const listType = list?.getListType();
          setFormats({
            bold: selection.hasFormat('bold'),
            italic: selection.hasFormat('italic'),
            list: listType === 'bullet' || listType === 'number' ? listType : undefined,
            link: !!$findMatchingParent(anchor, (n) => $isLinkNode(n)),
          });
        }),
      ),
    [editor],
  );

  // One tab stop, arrow keys within (the toolbar pattern), written here rather than with Fluent's
  // Toolbar: its keyboard handling stepped over the editor (and got stuck) when tabbing out.
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLElement | null)[]>([]);
  const onToolbarKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const count = buttons.current.length;
    const to = e.key === 'ArrowRight' ? (active + 1) % count : e.key === 'ArrowLeft' ? (active + count - 1) % count : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    setActive(to);
    buttons.current[to]?.focus();
  };
  const tools: { label: string; icon: JSX.Element; pressed?: boolean; expanded?: boolean; run(): void }[] = [
    { label: t('minutes.notes.bold'), icon: <TextBold20Regular />, pressed: formats.bold, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold') },
    { label: t('minutes.notes.italic'), icon: <TextItalic20Regular />, pressed: formats.italic, run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic') },
    {
      label: t('minutes.notes.bullets'),
      icon: <TextBulletListLtr20Regular />,
      pressed: formats.list === 'bullet',
      run: () => editor.dispatchCommand(formats.list === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined),
    },
    {
      label: t('minutes.notes.numbers'),
      icon: <TextNumberListLtr20Regular />,
      pressed: formats.list === 'number',
      run: () => editor.dispatchCommand(formats.list === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined),
    },
    {
      label: formats.link ? t('minutes.notes.linkRemove') : t('minutes.notes.link'),
      icon: <Link20Regular />,
      expanded: formats.link ? undefined : linking,
      run: () => {
        if (formats.link) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
        else setLinking((v) => !v);
      },
    },
  ];
  const addLink = () => {
    const href = safeUrl(url);
    if (!href) {
      setUrlInvalid(true);
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, href);
    setLinking(false);
    setUrl('');
    editor.focus();
  };
  return (
    <>
      <div className={styles.toolbar} role="toolbar" aria-label={t('minutes.notes.toolbar', { label })} aria-controls={editorId} onKeyDown={onToolbarKeyDown}>
        {tools.map((tool, i) => (
          <ToggleButton
            key={i}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            size="small"
            appearance="subtle"
            icon={tool.icon}
            checked={tool.pressed ?? false}
            aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
            aria-expanded={tool.expanded}
            aria-label={tool.label}
            title={tool.label}
            tabIndex={i === active ? 0 : -1}
            onFocus={() => setActive(i)}
            onClick={tool.run}
          />
        ))}
      </div>
      {linking && (
        <div className={styles.link}>
          <Field className={styles.linkField} label={t('minutes.notes.linkUrl')} validationState={urlInvalid ? 'error' : 'none'} validationMessage={urlInvalid ? t('minutes.notes.linkInvalid') : undefined}>
            <Input
              type="url"
              value={url}
              autoFocus
              onChange={(_, d) => {
                setUrl(d.value);
                setUrlInvalid(false);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addLink();
                } else if (e.key === 'Escape') {
                  setLinking(false);
                  editor.focus();
                }
              }}
            />
          </Field>
          <Button size="small" appearance="primary" onClick={addLink}>
            {t('minutes.notes.linkAdd')}
          </Button>
          <Button
            size="small"
            onClick={() => {
              setLinking(false);
              editor.focus();
            }}
          >
            {t('minutes.notes.linkCancel')}
          </Button>
        </div>
      )}
    </>
  );
}

export function RichTextNotes({ html, label, onChange }: NotesEditorProps) {
  const styles = useStyles();
  const editorId = useId();
  // Read once: later changes to `html` reach the editor through SyncPlugin.
  const [initialHtml] = useState(html);
  const initialConfig = useMemo(
    () => ({
      namespace: 'justera-notes',
      nodes: [ListNode, ListItemNode, LinkNode],
      theme,
      onError: (error: Error) => console.error('Justera: the notes editor failed', error),
      editorState: (editor: LexicalEditor) => $importHtml(editor, initialHtml),
    }),
    [initialHtml],
  );
  return (
    <div className={styles.frame}>
      <LexicalComposer initialConfig={initialConfig}>
        <FormatToolbar label={label} editorId={editorId} />
        <RichTextPlugin
          contentEditable={
            // A block around the editable: inside a flex box, Chrome moves focus into it on clicks beside it.
            <div>
              <ContentEditable id={editorId} className={styles.editable} aria-label={label} aria-multiline spellCheck />
            </div>
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <SyncPlugin html={html} onChange={onChange} />
      </LexicalComposer>
    </div>
  );
}
