import type { Api } from '../api.ts';
import type { AppState } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from '../ui/dom.ts';

/**
 * The "database unreachable" banner. Once anything reports the database down, /api/health is
 * polled every few seconds; when it answers ok again the banner goes and `onRecovered` refetches.
 */

const POLL_MS = 5000;

export function createHealthBanner(banner: HTMLElement, api: Api, store: Store, onRecovered: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checking = false;
  const text = h(
    'span',
    {},
    'The graph database cannot be reached. Showing what was already loaded; retrying every 5 seconds…',
  );
  const retry = h(
    'button',
    { type: 'button', class: 'button small', onclick: () => void check() },
    'Retry now',
  );
  replace(banner, h('strong', {}, 'Database unavailable. '), text, retry);

  async function check(): Promise<void> {
    if (checking) return;
    checking = true;
    clearTimeout(timer);
    try {
      const health = await api.health();
      const ok = health.status === 'ok';
      const was = store.getState().health;
      store.dispatch({ type: 'healthChanged', health: ok ? 'ok' : 'degraded' });
      if (ok && was === 'degraded') onRecovered();
    } finally {
      checking = false;
      if (store.getState().health === 'degraded') timer = setTimeout(() => void check(), POLL_MS);
    }
  }

  return {
    check,
    /** Called when a request failed with DATABASE_UNAVAILABLE. */
    reportDown() {
      if (store.getState().health !== 'degraded') {
        store.dispatch({ type: 'healthChanged', health: 'degraded' });
        clearTimeout(timer);
        timer = setTimeout(() => void check(), POLL_MS);
      }
    },
    render(state: AppState) {
      banner.hidden = state.health !== 'degraded';
    },
  };
}
