// Notes of an agenda item (or of a breakout group) in rich text: bold, italic, lists, links. The
// editor (Lexical) is its own chunk, loaded the first time minutes are shown, so the tab starts
// without it; meanwhile, and if it cannot load, a plain text box holds the notes, so typing can
// start at once and nothing is lost. Notes are kept as HTML in the minutes; the editor imports the
// stored HTML through its own parser (which keeps only what it knows) and sends HTML back when the
// typing pauses, not on every keystroke.

import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { htmlToText, textToHtml } from './notesText';

export interface NotesEditorProps {
  /** The stored notes: untrusted HTML. */
  html: string;
  /** What the notes are called for a screen reader ("Anteckningar: Ekonomisk uppföljning"). */
  label: string;
  /**
   * New HTML, and the HTML the editor last had from the minutes (`seen`): when the notes changed
   * meanwhile, the edit keeps both versions as a conflict (minutesEdits.setNoteHtml).
   */
  onChange(html: string, seen: string): void;
}

type RichTextModule = typeof import('./RichTextNotes');
let loading: Promise<RichTextModule> | undefined;

/** The editor's chunk, once per page; after a failure the next call tries again. */
export function loadRichTextEditor(): Promise<RichTextModule> {
  loading ??= import(/* webpackChunkName: "notes-editor" */ './RichTextNotes').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

function useRichTextEditor() {
  const [mod, setMod] = useState<RichTextModule | undefined>();
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadRichTextEditor().then(
      (m) => live && setMod(() => m),
      (e: unknown) => {
        console.warn('Justera: the notes editor could not be loaded; notes are plain text for now', e);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    mod,
    failed,
    retry: () => {
      setFailed(false);
      setAttempt((n) => n + 1);
    },
  };
}

const useStyles = makeStyles({
  plain: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  textarea: { width: '100%', minHeight: '6rem' },
});

/** The plain text box: while the editor loads, and when it could not. */
function PlainNotes({ html, label, onChange, failed, onRetry, onFocusChange }: NotesEditorProps & { failed: boolean; onRetry(): void; onFocusChange(focused: boolean): void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [text, setText] = useState(() => htmlToText(html));
  const sent = useRef(html);
  // Notes changed from outside (a merge, a conflict settled): show them.
  useEffect(() => {
    if (html !== sent.current) {
      sent.current = html;
      setText(htmlToText(html));
    }
  }, [html]);
  return (
    <div className={styles.plain}>
      <Field label={label} hint={failed ? t('minutes.notes.failed') : t('minutes.notes.loading')} validationState={failed ? 'warning' : 'none'}>
        <Textarea
          className={styles.textarea}
          resize="vertical"
          value={text}
          onFocus={() => onFocusChange(true)}
          onBlur={() => onFocusChange(false)}
          onChange={(_, data) => {
            setText(data.value);
            const next = textToHtml(data.value);
            const seen = sent.current;
            sent.current = next;
            onChange(next, seen);
          }}
        />
      </Field>
      {failed && (
        <Button size="small" onClick={onRetry}>
          {t('minutes.notes.retry')}
        </Button>
      )}
    </div>
  );
}

export function NotesEditor(props: NotesEditorProps) {
  const { mod, failed, retry } = useRichTextEditor();
  // The rich editor takes over only when the plain box is not being typed in: no lost focus mid-word.
  const [plainFocused, setPlainFocused] = useState(false);
  if (mod && !plainFocused) return <mod.RichTextNotes {...props} />;
  return <PlainNotes {...props} failed={failed} onRetry={retry} onFocusChange={setPlainFocused} />;
}

