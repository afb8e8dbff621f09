// A problem as a person reads it: what happened and what to do, a retry where it helps, and the
// technical detail folded away for whoever helps them.

import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Problem } from '../../domain/problems';
import { useI18n } from '../i18n';

export function ProblemMessage({ problem, onRetry }: { problem: Problem; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('problem.title')}</MessageBarTitle>
        {t(`problem.${problem.kind}`)}
        <details>
          <summary>{t('problem.details')}</summary>
          <code>
            {problem.status ? `${problem.status} ` : ''}
            {problem.code ? `${problem.code}: ` : ''}
            {problem.message}
          </code>
        </details>
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
