// Whether the person can see the page and the network is there: the signal MinutesSync uses to look
// for others' changes only while someone is looking (no requests from a hidden tab or an offline
// device). The app layer gets it as this port; the browser's version reads the Page Visibility API,
// focus and online/offline events, and a test's version is set by hand.

export interface PageVisibility {
  /** Visible now (and, as far as the browser knows, online). */
  isVisible(): boolean;
  /**
   * Calls back when that changes, and when the page is focused again (a Teams tab switched back
   * to, a window raised): both are moments to look for news at once. Returns the unsubscribe.
   */
  subscribe(listener: (visible: boolean) => void): () => void;
}

/** The browser's page: document.visibilityState, window focus, navigator.onLine. */
export function documentVisibility(doc: Document = document, win: Window = window): PageVisibility {
  const isVisible = () => doc.visibilityState === 'visible' && win.navigator.onLine !== false;
  return {
    isVisible,
    subscribe(listener) {
      const changed = () => listener(isVisible());
      doc.addEventListener('visibilitychange', changed);
      for (const type of ['focus', 'online', 'offline'] as const) win.addEventListener(type, changed);
      return () => {
        doc.removeEventListener('visibilitychange', changed);
        for (const type of ['focus', 'online', 'offline'] as const) win.removeEventListener(type, changed);
      };
    },
  };
}

/** A page whose visibility a test (or a host without a DOM) sets: `set(false)` hides it, `set(true)` shows it again. */
export function manualVisibility(visible = true): PageVisibility & { set(visible: boolean): void } {
  const listeners = new Set<(visible: boolean) => void>();
  return {
    isVisible: () => visible,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      visible = next;
      for (const l of [...listeners]) l(next);
    },
  };
}
