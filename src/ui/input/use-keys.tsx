/**
 * The one input path. `KeyInput`, at the root, reads Ink's input once and splits it into key
 * presses (keys.ts); every screen takes its keys with `useKeys`, naming its scope in the keymap
 * and handling the commands that come out.
 */
import {useInput} from 'ink';
import {type ReactNode, createContext, useContext, useLayoutEffect, useRef, useState} from 'react';
import type {CommandName, Scope} from './keymap.js';
import {type KeyPress, keyPresses} from './keys.js';
import {type KeyAnswer, KeyRouter} from './router.js';

const RouterContext = createContext<KeyRouter | null>(null);

export function KeyInput({children}: {readonly children?: ReactNode}) {
	const [router] = useState(() => new KeyRouter());
	useInput((input, key) => router.feed(keyPresses(input, key)));
	return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

export interface KeysOptions {
	/** The keymap scope: fixed, or read at each key (a lesson's help overlay). */
	readonly scope: Scope | (() => Scope);
	/** Optional commands this screen offers. */
	readonly enabled?: readonly CommandName[];
	/** False while the screen is not the one taking keys. */
	readonly active?: boolean;
}

/** Calls `onCommand` with each of this screen's commands, in the order the keys came. */
export function useKeys(options: KeysOptions, onCommand: (command: CommandName, press: KeyPress) => KeyAnswer): void {
	const router = useContext(RouterContext);
	if (!router) throw new Error('useKeys needs a <KeyInput> above it');
	// The latest props, read at each key: the listener itself stays registered for the screen's life.
	const latest = useRef({options, onCommand});
	latest.current = {options, onCommand};
	const active = options.active ?? true;
	// A layout effect: a screen that just opened listens before any held key is handed on.
	useLayoutEffect(() => {
		if (!active) return;
		return router.listen({
			scope: () => {
				const scope = latest.current.options.scope;
				return typeof scope === 'function' ? scope() : scope;
			},
			enabled: () => latest.current.options.enabled ?? [],
			onCommand: (command, press) => latest.current.onCommand(command, press),
		});
	}, [router, active]);
}
