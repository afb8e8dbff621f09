// A render error anywhere shows a clear message with a way back, never a blank tab: one boundary
// per surface (the whole view), per section, and per list item, so one odd value costs at most
// the row it sits in. The error goes to the console for whoever helps the user.

import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useI18n } from '../i18n';

function log(error: unknown, info: { componentStack?: string | null }) {
  console.error('Justera: a part of the page could not be shown', error, info.componentStack);
}

function detail(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function SurfaceFallback({ error, resetErrorBoundary }: FallbackProps) {
  const { t } = useI18n();
  const inMeeting = new URLSearchParams(location.hash.slice(1)).has('meeting');
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('boundary.surface.title')}</MessageBarTitle>
        {t('boundary.surface.body')}
        <details>
          <summary>{t('problem.details')}</summary>
          <code>{detail(error)}</code>
        </details>
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={resetErrorBoundary}>
          {t('retry')}
        </Button>
        {inMeeting && (
          <Button
            onClick={() => {
              location.hash = '';
              resetErrorBoundary();
            }}
          >
            {t('back')}
          </Button>
        )}
        <Button onClick={() => location.reload()}>{t('boundary.reload')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Around a whole view: the message, "try again", back to the list, reload. */
export function SurfaceBoundary({ children, resetKeys }: { children: ReactNode; resetKeys?: unknown[] }) {
  return (
    <ErrorBoundary FallbackComponent={SurfaceFallback} onError={log} resetKeys={resetKeys}>
      {children}
    </ErrorBoundary>
  );
}

function SectionFallback({ error }: FallbackProps) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {t('boundary.section')}
        <details>
          <summary>{t('problem.details')}</summary>
          <code>{detail(error)}</code>
        </details>
      </MessageBarBody>
    </MessageBar>
  );
}


function ItemFallback() {
  const { t } = useI18n();
  return (
    <li>
      <Caption1>{t('boundary.item')}</Caption1>
    </li>
  );
}

function boundaryWith(Fallback: (props: FallbackProps) => ReactNode) {
  return function Boundary({ children }: { children: ReactNode }) {
    return (
      <ErrorBoundary FallbackComponent={Fallback} onError={log}>
        {children}
      </ErrorBoundary>
    );
  };
}

/** Around a section of a view: the rest of the view stays. */
export const SectionBoundary = boundaryWith(SectionFallback);

/** Around one row (an <li>) of a list: that row says it could not be shown, the others stay. */
export const ItemBoundary = boundaryWith(ItemFallback);
