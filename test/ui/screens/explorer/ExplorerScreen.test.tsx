import {describe, expect, test, vi} from 'vitest';
import {ExplorerScreen} from '../../../../src/ui/screens/explorer/ExplorerScreen.js';
import {frameLines, stripAnsi} from '../../fixtures.js';
import {renderUi} from '../../render.js';
import {expectFits} from '../../views/draw.js';

describe('ExplorerScreen', () => {
	test('the standalone screen fits 80×24 and answers q, b, Esc, + and −', async () => {
		const onBack = vi.fn();
		const onQuit = vi.fn();
		const {lastFrame, stdin} = renderUi(<ExplorerScreen depth={10} onBack={onBack} onQuit={onQuit} />, {keys: true});
		const lines = frameLines(lastFrame());
		expectFits(lines, 80, 23);
		expect(lines[0]).toContain('Activation explorer');
		expect(lines[0]).toContain('d = 10');
		const press = async (key: string) => {
			stdin.write(key);
			await new Promise((r) => setTimeout(r, 20));
		};
		await press('+');
		expect(stripAnsi(lastFrame() ?? '')).toContain('d = 11');
		await press('-');
		await press('-');
		expect(stripAnsi(lastFrame() ?? '')).toContain('0.25⁹ ≈ 3.8e-06');
		await press('b');
		expect(onBack).toHaveBeenCalledTimes(1);
		await press('\u001B');
		await new Promise((r) => setTimeout(r, 50));
		expect(onBack).toHaveBeenCalledTimes(2);
		await press('q');
		expect(onQuit).toHaveBeenCalledTimes(1);
	});

	test('the standalone screen says when the terminal is too small', () => {
		const {lastFrame} = renderUi(<ExplorerScreen onBack={() => {}} onQuit={() => {}} />, {keys: true, language: 'ko', size: {columns: 60, rows: 20}});
		expect(stripAnsi(lastFrame() ?? '')).toContain('터미널이 너무 작아요');
	});
});
