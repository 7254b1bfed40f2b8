import { type Action, reduce } from './actions.ts';
import type { AppState } from './app-state.ts';

export type Listener = (state: AppState, previous: AppState, action: Action) => void;

export interface Store {
  getState(): AppState;
  dispatch(action: Action): void;
  subscribe(listener: Listener): () => void;
}

/** A minimal store: state changes only through `reduce`, and listeners hear about every change. */
export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      if (state === previous) return;
      for (const listener of listeners) listener(state, previous, action);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
