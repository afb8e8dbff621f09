// "Justering" in the secretary's minutes: send for approval (a dialog naming the approvers, what
// stops sending and what to fix first, and who may not be able to answer), the progress of a sending
// and what to do when it stopped part-way, then where the round stands: sent when and to whom, the
// version (short, its whole checksum in the description), each approver's answer, answers that were
// not counted and why, "Justerat av" once all approved, and the lock with "Ändra protokollet".
// Everything from outside (names, comments) is shown as text.

import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ApproverWarning, SendStep } from '../../../app/sendForApproval';
import { toProblem, type Problem } from '../../../domain/problems';
import type { Approver, Flag } from '../../../domain/signOff';
import type { SendRefusal } from '../../../domain/signOffState';
import { useI18n, type Translator } from '../../i18n';
import { OutsideList, OutsideText } from '../OutsideText';
import { ProblemMessage } from '../ProblemMessage';
import { ReturnedComments } from './ReturnedComments';
import type { SignOffState } from './useSignOff';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** "2026-12-03 14:02" in Swedish: a moment in the meeting's zone, as sign-off states it. */
export function moment(locale: string, iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

const roleOf = (t: Translator['t'], a: Approver) => t(a.role === 'chair' ? 'signOff.role.chair' : 'signOff.role.adjuster');

function Refusal({ refusal }: { refusal: SendRefusal }) {
  const { t, tx } = useI18n();
  switch (refusal.reason) {
    case 'no-approvers':
      return <>{t('signOff.refuse.no-approvers')}</>;
    case 'conflicts':
      return <>{t('signOff.refuse.conflicts', { count: refusal.count })}</>;
    default:
      return <>{tx(`signOff.refuse.${refusal.reason}`, { names: <OutsideList items={refusal.approvers.map((a) => a.displayName)} /> })}</>;
  }
}

function FlagLine({ flag }: { flag: Flag }) {
  const { t, tx } = useI18n();
  const by = flag.by ? <OutsideText text={flag.by} /> : undefined;
  const reason = flag.reason === 'not-an-approver' && by ? tx('signOff.flag.not-an-approver', { by }) : t(`signOff.flag.${flag.reason}`);
  return <>{by ? tx('signOff.flag', { by, reason }) : tx('signOff.flag.anonymous', { reason })}</>;
}

function stepText(t: Translator['t'], step: SendStep): string {
  return step.step === 'mailing' ? t('signOff.step.mailing', { done: step.done, of: step.of }) : t(`signOff.step.${step.step}`);
}

function SendDialog({ signOff, open, onClose }: { signOff: SignOffState; open: boolean; onClose: () => void }) {
  const { t, tx } = useI18n();
  const styles = useStyles();
  const [warnings, setWarnings] = useState<ApproverWarning[] | 'unknown' | undefined>();
  const [step, setStep] = useState<SendStep | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [checking, setChecking] = useState(false);
  const refused = signOff.refusals.length > 0;

  // Who may not be able to answer, asked each time the dialog opens (the team may have changed).
  const ask = useRef(signOff.warnings);
  ask.current = signOff.warnings;
  useEffect(() => {
    if (!open || refused) return;
    let live = true;
    setWarnings(undefined);
    setProblem(undefined);
    setChecking(true);
    void ask.current().then((w) => {
      if (!live) return;
      setWarnings(w);
      setChecking(false);
    });
    return () => {
      live = false;
    };
  }, [open, refused]);
  const send = async () => {
    setProblem(undefined);
    try {
      await signOff.send(setStep);
      setStep(undefined);
      onClose();
    } catch (e) {
      setProblem(toProblem(e));
      setStep(undefined);
    }
  };
  const sending = step !== undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        if (!d.open && !sending) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('signOff.send')}</DialogTitle>
          <DialogContent>
            {refused ? (
              signOff.refusals.map((r, i) => (
                <MessageBar key={i} intent="error" layout="multiline">
                  <MessageBarBody>
                    <Refusal refusal={r} />
                  </MessageBarBody>
                </MessageBar>
              ))
            ) : (
              <>
                <Text block>{t('signOff.dialog.to')}</Text>
                <ul className={styles.list}>
                  {signOff.approvers.map((a) => (
                    <li key={a.key}>
                      <OutsideText text={a.displayName} />, {roleOf(t, a)}
                    </li>
                  ))}
                </ul>
                {checking && <Spinner size="tiny" label={t('signOff.dialog.checking')} />}
                {warnings === 'unknown' && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>{t('signOff.warn.unknown')}</MessageBarBody>
                  </MessageBar>
                )}
                {Array.isArray(warnings) && warnings.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      {warnings.map((w) => (
                        <Text block key={w.approver.key}>
                          {tx(`signOff.warn.${w.reason}`, { name: <OutsideText text={w.approver.displayName} /> })}
                        </Text>
                      ))}
                      <Text block>{t('signOff.warn.what')}</Text>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {step && <Spinner size="tiny" label={stepText(t, step)} aria-live="polite" />}
                {problem && (
                  <>
                    <MessageBar intent="error" layout="multiline" role="alert">
                      <MessageBarBody>{t('signOff.failed', { done: signOff.mailed(), of: signOff.approvers.length })}</MessageBarBody>
                    </MessageBar>
                    <ProblemMessage problem={problem} />
                  </>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {!refused && (
              <Button appearance="primary" disabled={sending || checking} onClick={() => void send()}>
                {problem ? t('signOff.retry') : t('signOff.dialog.confirm')}
              </Button>
            )}
            <Button disabled={sending} onClick={onClose}>
              {t('signOff.dialog.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function UnlockDialog({ open, onClose, onUnlock }: { open: boolean; onClose: () => void; onUnlock: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('signOff.unlock')}</DialogTitle>
          <DialogContent>{t('signOff.unlock.body')}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                onUnlock();
                onClose();
              }}
            >
              {t('signOff.unlock.confirm')}
            </Button>
            <Button onClick={onClose}>{t('signOff.dialog.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export interface SignOffPanelProps {
  signOff: SignOffState;
  timeZone: string;
  locked: boolean;
  onUnlock: () => void;
}

export function SignOffPanel({ signOff, timeZone, locked, onUnlock }: SignOffPanelProps) {
  const styles = useStyles();
  const { t, tx, locale } = useI18n();
  const ids = useId();
  const [sending, setSending] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const { round, status } = signOff;
  const when = (iso: string) => moment(locale, iso, timeZone);

  let body: ReactNode;
  if (!round) {
    body = <Text block>{t('signOff.notSent')}</Text>;
  } else {
    const answerOf = new Map(status?.answers.map((a) => [a.approver.key, a]));
    body = (
      <>
        <Text block>
          {tx('signOff.sent', { when: when(round.sentAt), to: <OutsideList items={round.approvers.map((a) => a.displayName)} /> })}{' '}
          <Caption1 aria-describedby={`${ids}-version`}>{t('signOff.version', { short: round.version.slice(0, 8) })}</Caption1>
          <span id={`${ids}-version`} hidden>
            {t('signOff.versionFull', { version: round.version })}
          </span>
        </Text>
        {status && (
          <MessageBar intent={status.state === 'approved' ? 'success' : status.state === 'waiting' ? 'info' : 'warning'} layout="multiline" role="status">
            <MessageBarBody>{t(`signOff.state.${status.state}`)}</MessageBarBody>
          </MessageBar>
        )}
        {signOff.approvals && (
          <Text block weight="semibold">
            {tx('signOff.approvedBy', { names: <OutsideList items={signOff.approvals.map((a) => `${a.name} ${when(a.at)}`)} /> })}
          </Text>
        )}
        <ul className={styles.list} aria-label={t('signOff.answers')}>
          {round.approvers.map((a) => {
            const answer = answerOf.get(a.key);
            const params = { name: <OutsideText text={a.displayName} />, role: roleOf(t, a), when: answer ? when(answer.at) : '' };
            return (
              <li key={a.key}>
                {!answer
                  ? tx('signOff.answer.waiting', params)
                  : answer.decision === 'approved'
                    ? tx('signOff.answer.approved', params)
                    : tx(answer.comment ? 'signOff.answer.returned' : 'signOff.answer.returnedNoComment', params)}
              </li>
            );
          })}
        </ul>
        <ReturnedComments comments={signOff.returned.get('')} />
        {status?.flagged.map((f) => (
          <MessageBar key={f.file} intent="warning" layout="multiline">
            <MessageBarBody>
              <FlagLine flag={f} />
            </MessageBarBody>
          </MessageBar>
        ))}
        {signOff.answersProblem && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('signOff.answersFailed')}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }
  return (
    <section className={styles.panel} aria-labelledby={`${ids}-heading`}>
      <Subtitle1 as="h2" className={styles.heading} id={`${ids}-heading`}>
        {t('signOff.heading')}
      </Subtitle1>
      {body}
      <div className={styles.row}>
        {locked ? (
          <>
            <Text>{t('signOff.locked')}</Text>
            <Button onClick={() => setUnlocking(true)}>{t('signOff.unlock')}</Button>
          </>
        ) : (
          // A new round only once the minutes changed (void): unchanged minutes would count the old answers
          // again (an approver who returned them by mistake answers again instead; the latest answer counts).
          (!round || signOff.status?.state === 'void') && (
            <Button appearance="primary" onClick={() => setSending(true)}>
              {round ? t('signOff.sendAgain') : t('signOff.send')}
            </Button>
          )
        )}
      </div>
      <SendDialog signOff={signOff} open={sending} onClose={() => setSending(false)} />
      <UnlockDialog open={unlocking} onClose={() => setUnlocking(false)} onUnlock={onUnlock} />
    </section>
  );
}
