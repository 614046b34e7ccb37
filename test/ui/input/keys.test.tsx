import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {type KeyPress, fromCharacter, keyPresses} from '../../../src/ui/input/keys.js';

/** What Ink's own useInput reports for each input event, as key presses. */
function inkPresses() {
	const seen: KeyPress[][] = [];
	function Probe() {
		useInput((input, key) => void seen.push(keyPresses(input, key)));
		return <Text>probe</Text>;
	}
	return {seen, ui: render(<Probe />)};
}
const tick = () => new Promise((r) => setTimeout(r, 15));

describe('key presses', () => {
	test('a character in a text run decodes as Ink decodes it alone', async () => {
		// Every printable ASCII character, Hangul, and the control characters a terminal sends (not Esc: it starts a sequence).
		const characters = [...Array.from({length: 95}, (_, k) => String.fromCharCode(0x20 + k)), '한', 'é', '\r', '\n', '\t', '\b', '\u007F', ...Array.from({length: 26}, (_, k) => String.fromCharCode(k + 1)).filter((c) => !'\b\t\n\r'.includes(c))];
		const {seen, ui} = inkPresses();
		await tick();
		for (const c of characters) {
			ui.stdin.write(c);
			await tick();
		}
		ui.unmount();
		expect(seen).toHaveLength(characters.length);
		const mismatched = characters.filter((c, k) => JSON.stringify(seen[k]) !== JSON.stringify([fromCharacter(c)]));
		expect(mismatched.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
	});

	test('a run of text is split into one press per character; escape sequences stay whole', async () => {
		const {seen, ui} = inkPresses();
		await tick();
		ui.stdin.write('+-s \t\u001B[B\u001B[Zq\r');
		await tick();
		ui.unmount();
		const pressed = seen.flat().map((p) => (p.special ? `${p.shift ? 'shift-' : ''}${p.special}` : p.char));
		expect(pressed).toEqual(['+', '-', 's', ' ', 'tab', 'down', 'shift-tab', 'q', 'return']);
	});

	test('Alt and Ctrl keys and Esc are one press each', () => {
		const none = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};
		expect(keyPresses('c', {...none, ctrl: true})).toEqual([{char: 'c', special: null, ctrl: true, shift: false, meta: false}]);
		expect(keyPresses('', {...none, escape: true, meta: true})).toEqual([{char: '', special: 'escape', ctrl: false, shift: false, meta: false}]);
		expect(keyPresses('ab', {...none, meta: true})).toHaveLength(1);
	});
});
