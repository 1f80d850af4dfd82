import type { ReactNode } from 'react';

export type NoticeKind = 'error' | 'warning' | 'success' | 'info';

/** A message box: errors are alerts (read out at once), the rest (warnings too) are polite status messages. */
export function Notice({ kind, children }: { kind: NoticeKind; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
