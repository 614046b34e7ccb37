/**
 * A reducer's state held outside React. Keys that arrive in one read are handled before React
 * renders again; each must see what the key before it did. With the state here, a handler reads
 * `getState()` after every dispatch and gets it, and the screen renders from the same store
 * through `useSyncExternalStore`: one reducer run per action, no copy kept in a ref.
 */
import {useState, useSyncExternalStore} from 'react';

export interface Store<S, A> {
	getState(): S;
	dispatch(action: A): void;
	subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
	let state = initial;
	const listeners = new Set<() => void>();
	return {
		getState: () => state,
		dispatch(action) {
			const next = reducer(state, action);
			if (next === state) return;
			state = next;
			for (const listener of [...listeners]) listener();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
	};
}

/** The store's state, re-rendering the component when it changes. */
export function useStore<S, A>(store: Store<S, A>): S {
	return useSyncExternalStore(store.subscribe, store.getState);
}

/** A store made once for the component's life (from `init()` on the first render). */
export function useOwnStore<S, A>(reducer: (state: S, action: A) => S, init: () => S): Store<S, A> {
	return useState(() => createStore(reducer, init()))[0];
}
