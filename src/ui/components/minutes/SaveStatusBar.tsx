// Where the minutes are safe, always in sight (it stays at the top while the page scrolls): saved in
// the channel, being saved, being merged with someone else's save, changes waiting, kept on this
// device and tried again in N s (offline, Microsoft 365 asking us to wait, or the channel not
// answering: each said in its own words), or not savable in the channel with what to do about it; and a warning when this device cannot keep
// a copy either. A polite live region: a screen reader hears each change of state once, not the
// countdown ticking.

import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SaveStatus } from '../../../app/minutesSync';
import type { ProblemKind } from '../../../domain/problems';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/sv';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  warning: { backgroundColor: tokens.colorPaletteMarigoldBackground1 },
  error: { backgroundColor: tokens.colorPaletteRedBackground1 },
  texts: { display: 'flex', flexDirection: 'column', flexGrow: 1, flexBasis: '12rem', minWidth: 0, overflowWrap: 'anywhere' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export interface SaveStatusBarProps {
  status: SaveStatus;
  /** This device could not keep a copy (storage blocked or full). */
  notKeptOnDevice?: boolean;
  /** "Spara nu" / "Försök nu": writes what is pending at once. */
  onSaveNow?: () => void;
}

/** A short reason for the sentence "Kunde inte sparas i kanalen: …". */
function reasonKey(kind: ProblemKind): MessageKey {
  switch (kind) {
    case 'forbidden':
      return 'minutes.save.reason.forbidden';
    case 'signed-out':
      return 'minutes.save.reason.signed-out';
    case 'sign-in-failed':
      return 'minutes.save.reason.sign-in-failed';
    case 'bad-data':
      return 'minutes.save.reason.bad-data';
    case 'not-found':
      return 'minutes.save.reason.not-found';
    default:
      return 'minutes.save.reason.other';
  }
}

/** Why a write waits, with "{seconds}" to the next try. */
function waitKey(kind: ProblemKind): MessageKey {
  switch (kind) {
    case 'throttled':
      return 'minutes.save.throttled';
    case 'server':
      return 'minutes.save.serverDown';
    default:
      return 'minutes.save.offline';
  }
}

/** What the person can do about it. */
function todoKey(kind: ProblemKind): MessageKey {
  switch (kind) {
    case 'forbidden':
      return 'minutes.save.todo.forbidden';
    case 'signed-out':
    case 'sign-in-failed':
      return 'minutes.save.todo.sign-in';
    case 'bad-data':
      return 'minutes.save.todo.bad-data';
    default:
      return 'minutes.save.todo.other';
  }
}

function useSecondsLeft(status: SaveStatus): { first: number; now: number } {
  const deadline = useMemo(() => (status.kind === 'offline' ? Date.now() + status.retryInMs : 0), [status]);
  const first = useMemo(() => (status.kind === 'offline' ? Math.max(0, Math.ceil(status.retryInMs / 1000)) : 0), [status]);
  const [now, setNow] = useState(first);
  useEffect(() => {
    setNow(first);
    if (!deadline) return;
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setNow(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, first]);
  return { first, now };
}

export function SaveStatusBar({ status, notKeptOnDevice, onSaveNow }: SaveStatusBarProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const seconds = useSecondsLeft(status);
  const tone = status.kind === 'failed' ? styles.error : status.kind === 'offline' || notKeptOnDevice ? styles.warning : undefined;

  let main: ReactNode;
  let todo: string | undefined;
  let action: string | undefined;
  switch (status.kind) {
    case 'saved':
      main = t('minutes.save.saved');
      break;
    case 'saving':
      main = t('minutes.save.saving');
      break;
    case 'merging':
      main = t('minutes.save.merging');
      break;
    case 'pending':
      main = t('minutes.save.pending');
      action = t('minutes.save.now');
      break;
    case 'offline': {
      // The visible countdown ticks; what a screen reader has is the wait as it was announced.
      const [before, after] = t(waitKey(status.problem.kind)).split('{seconds}');
      main = (
        <>
          {before}
          <span aria-hidden="true">{seconds.now}</span>
          <span className={styles.hidden}>{seconds.first}</span>
          {after}
        </>
      );
      action = t('minutes.save.retryNow');
      break;
    }
    case 'failed':
      main = t('minutes.save.failed', { reason: t(reasonKey(status.problem.kind)) });
      todo = t(todoKey(status.problem.kind));
      action = t('retry');
      break;
  }

  return (
    <div className={mergeClasses(styles.bar, tone)} data-testid="save-status">
      <div className={styles.texts} role="status" aria-live="polite">
        <Text weight="semibold">{main}</Text>
        {todo && <Text size={200}>{todo}</Text>}
        {notKeptOnDevice && <Text size={200}>{t('minutes.save.notOnDevice')}</Text>}
      </div>
      {action && onSaveNow && (
        <Button size="small" onClick={onSaveNow}>
          {action}
        </Button>
      )}
    </div>
  );
}
