import {EventEmitter} from 'node:events';
import {Text, render} from 'ink';
import {expect, test} from 'vitest';
import {useTerminalSize} from '../../../src/ui/kit/use-terminal-size.js';

/** A fake TTY stdout whose size the test sets (after Ink's test/helpers/create-stdout.ts). */
class FakeStdout extends EventEmitter {
	columns = 100;
	rows = 30;
	isTTY = true;
	frames: string[] = [];
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

function Probe() {
	const {columns, rows} = useTerminalSize();
	return <Text>{`${columns}x${rows}`}</Text>;
}

test('follows resize events and removes its listener on unmount', async () => {
	const stdout = new FakeStdout();
	const instance = render(<Probe />, {stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false});
	expect(stdout.frames.at(-1)).toContain('100x30');
	const before = stdout.listenerCount('resize');
	stdout.columns = 80;
	stdout.rows = 24;
	stdout.emit('resize');
	await new Promise((resolve) => setTimeout(resolve, 20));
	expect(stdout.frames.at(-1)).toContain('80x24');
	instance.unmount();
	expect(stdout.listenerCount('resize')).toBeLessThan(before);
});
