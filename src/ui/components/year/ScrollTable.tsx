// A register's table that never widens the page: at 360 px it scrolls sideways inside its own region,
// which is named after the section and can take the keyboard's focus to be scrolled.

import { makeStyles, mergeClasses, Table, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  region: {
    overflowX: 'auto',
    maxWidth: '100%',
    minWidth: 0,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
  table: { minWidth: '560px' },
  // Outside text (subjects, decisions) wraps within its cell.
  cells: { '& td': { overflowWrap: 'anywhere', verticalAlign: 'top' } },
});

export function ScrollTable({ labelledBy, children, minWidth }: { labelledBy: string; children: ReactNode; minWidth?: string }) {
  const styles = useStyles();
  return (
    <div role="region" aria-labelledby={labelledBy} tabIndex={0} className={styles.region}>
      <Table className={mergeClasses(styles.table, styles.cells)} style={minWidth ? { minWidth } : undefined} size="small">
        {children}
      </Table>
    </div>
  );
}
