// The configuration page Teams shows when the tab is added to a channel or a meeting: nothing to
// choose yet, so it explains what the tab does and lets Teams save it.

import { MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { Host } from '../../host/host';
import { useI18n } from '../i18n';

export function TabConfigPage({ host }: { host: Host }) {
  const { t } = useI18n();
  const supported = Boolean(host.offerTabConfiguration);
  useEffect(() => {
    host.offerTabConfiguration?.({
      contentUrl: new URL('tab.html', location.href).href,
      entityId: 'justera-minutes',
      suggestedDisplayName: t('appName'),
    });
  }, [host, t]);
  return (
    <>
      <Title2 as="h1">{t('config.title')}</Title2>
      <Text block>{t('config.intro')}</Text>
      {!supported && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('config.unsupported')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
