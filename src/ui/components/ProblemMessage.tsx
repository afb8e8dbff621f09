// A problem as a person reads it: what happened and what to do, a retry where it helps, and the
// technical detail folded away for whoever helps them. When Microsoft 365 asked us to wait longer
// than a few seconds (Retry-After), it says so with the time left, tries again by itself when the
// time is up, and lets the person stop waiting; whatever the page already shows stays around it.

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../domain/problems';
import { useI18n } from '../i18n';

function Details({ problem }: { problem: Problem }) {
  const { t } = useI18n();
  return (
    <details>
      <summary>{t('problem.details')}</summary>
      <code>
        {problem.status ? `${problem.status} ` : ''}
        {problem.code ? `${problem.code}: ` : ''}
        {problem.message}
      </code>
    </details>
  );
}

/** "1:45", "0:09": minutes and seconds left. */
export function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function Waiting({ problem, onRetry }: { problem: Problem; onRetry: () => void }) {
  const { t } = useI18n();
  const [deadline] = useState(() => Date.now() + (problem.retryAfterMs ?? 0));
  const [left, setLeft] = useState(() => deadline - Date.now());
  const [stopped, setStopped] = useState(false);
  // The latest callback, so a parent's re-render does not restart the countdown.
  const retry = useRef(onRetry);
  retry.current = onRetry;
  useEffect(() => {
    if (stopped) return;
    const timer = setInterval(() => {
      const rest = deadline - Date.now();
      setLeft(rest);
      if (rest <= 0) {
        clearInterval(timer);
        retry.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline, stopped]);
  return (
    <MessageBar intent="warning" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{t('wait.title')}</MessageBarTitle>
        {stopped ? t('wait.stopped') : t('wait.body', { time: timeLeft(left) })}
        <Details problem={problem} />
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onRetry}>
          {stopped ? t('retry') : t('wait.now')}
        </Button>
        {!stopped && <Button onClick={() => setStopped(true)}>{t('wait.stop')}</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}

export function ProblemMessage({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  const { t } = useI18n();
  if (problem.retryAfterMs !== undefined && onRetry) return <Waiting problem={problem} onRetry={onRetry} />;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('problem.title')}</MessageBarTitle>
        {t(`problem.${problem.kind}`)}
        <Details problem={problem} />
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button appearance="primary" onClick={onRetry}>
            {t('retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
