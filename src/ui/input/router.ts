/**
 * Where key presses go: to the screen on top, as that screen's command. A key that takes the
 * person to another screen (Enter on a lesson, `b`) holds the keys after it until the next screen
 * listens, so `↓↓↓ Enter` then a space typed in one burst pauses the lesson just opened, as it
 * would typed slowly, instead of reaching the picker that is going away.
 */
import {type CommandName, type Scope, commandFor} from './keymap.js';
import type {KeyPress} from './keys.js';

/** A handler's answer: 'moved' when the key changed the screen. */
export type KeyAnswer = 'moved' | void;

export interface KeyListener {
	/** The scope now (a lesson's is 'help' while its help is open). */
	scope(): Scope;
	/** Optional commands offered. */
	enabled(): readonly CommandName[];
	onCommand(command: CommandName, press: KeyPress): KeyAnswer;
}

export class KeyRouter {
	private readonly listeners: KeyListener[] = [];
	private readonly queue: KeyPress[] = [];
	/** A key moved to another screen; the rest wait for it to listen. */
	private waiting = false;

	/** The newest listener gets the keys; returns its removal. */
	listen(listener: KeyListener): () => void {
		this.listeners.push(listener);
		if (this.waiting) {
			this.waiting = false;
			this.drain();
		}
		return () => {
			const k = this.listeners.lastIndexOf(listener);
			if (k >= 0) this.listeners.splice(k, 1);
		};
	}

	feed(presses: readonly KeyPress[]): void {
		this.queue.push(...presses);
		this.drain();
	}

	private drain(): void {
		while (!this.waiting && this.queue.length > 0) {
			const press = this.queue.shift()!;
			const listener = this.listeners.at(-1);
			if (!listener) continue;
			const command = commandFor(listener.scope(), press, listener.enabled());
			if (command !== null && listener.onCommand(command, press) === 'moved') this.waiting = true;
		}
	}
}
