/** gradlab view: the dashboard over a recording, as of the step the arrows chose. */
import {describe, expect, test, vi} from 'vitest';
import {parseRecords} from '../../../../src/records/read.js';
import type {Recording} from '../../../../src/records/read.js';
import {initialReplayState, moveTo, replayReducer} from '../../../../src/ui/screens/replay/replay-state.js';
import {ReplayScreen} from '../../../../src/ui/screens/replay/ReplayScreen.js';
import {frameLines, stripAnsi} from '../../fixtures.js';
import {renderUi} from '../../render.js';
import {BLOCKS, THEMES, expectFits} from '../../views/draw.js';

const layer = (g: number) => ({gradNormW: g, gradNormB: g / 2, updateRatio: 0.01, saturated: null, dead: 0.1});

/** Two runs logged every 10 steps to 1000; run b diverges at step 500 (its last record). Test loss measured every 100 steps. */
function recording(): Recording {
	const lines: string[] = [];
	for (const run of ['a', 'b']) {
		for (let step = 10; step <= (run === 'a' ? 1000 : 500); step += 10) {
			const diverged = run === 'b' && step === 500;
			const test = step % 100 === 0 ? 1 / step : null;
			lines.push(
				JSON.stringify({run, step, epoch: step / 100, samples: step * 32, loss: diverged ? null : 1 / step, accuracy: step / 1000, testLoss: test, testAccuracy: test === null ? null : 0.5, diverged, divergedAt: diverged ? 500 : null, layers: [layer(step), layer(2 * step)]}),
			);
		}
	}
	return parseRecords(lines.join('\n'), 'runs.jsonl');
}

describe('replay state', () => {
	test('opens at the last step: every run whole, the finished look, loss and gradient views only', () => {
		const s = initialReplayState(recording(), 'runs.jsonl');
		expect(s.steps).toHaveLength(100);
		expect(s.dashboard.views).toEqual(['loss', 'gradients']);
		expect(s.dashboard.xAxes).toEqual(['step', 'epoch', 'samples']);
		expect(s.dashboard.finished).toBe(true);
		const [a, b] = s.dashboard.runs;
		expect(a!.state.step).toBe(1000);
		expect(a!.history.points).toHaveLength(100);
		expect(b!.state.diverged).toBe(true);
		expect(b!.state.divergedAt).toBe(500);
	});

	test('a move shows each run as of that step: its last record then, its history up to it, the last test figures measured', () => {
		let s = initialReplayState(recording(), 'runs.jsonl');
		s = replayReducer(s, 'toStart');
		expect(s.dashboard.runs[0]!.state.step).toBe(10);
		expect(s.dashboard.finished).toBe(false);
		for (let k = 0; k < 4; k++) s = replayReducer(s, 'muchLater'); // 10 steps of the 100 each
		const [a, b] = s.dashboard.runs;
		expect(a!.state.step).toBe(410);
		expect(a!.history.points.map((p) => p.step).at(-1)).toBe(410);
		expect(a!.history.points).toHaveLength(41);
		expect(a!.state.loss).toBe(1 / 410);
		expect(a!.state.layers[1]!.gradNormW).toBe(820);
		expect(a!.state.testLoss).toBe(1 / 400); // measured at 400, not at 410
		expect(b!.state.diverged).toBe(false);
		s = replayReducer(s, 'later');
		expect(s.dashboard.runs[0]!.state.step).toBe(420);
		s = replayReducer(s, 'toEnd');
		expect(s.dashboard.runs[1]!.state.diverged).toBe(true);
		expect(replayReducer(s, 'later')).toBe(s); // no further than the end
	});

	test('moves: 1% and 10% of the steps, at least one, within the ends', () => {
		expect(moveTo('later', 0, 15)).toBe(1);
		expect(moveTo('muchLater', 0, 15)).toBe(2);
		expect(moveTo('muchEarlier', 1, 15)).toBe(0);
		expect(moveTo('later', 500, 1000)).toBe(510);
		expect(moveTo('toEnd', 3, 1000)).toBe(999);
	});

	test('view keys work as in a lesson', () => {
		const s = initialReplayState(recording(), 'runs.jsonl');
		expect(replayReducer(s, 'nextView').dashboard.view).toBe('gradients');
		expect(replayReducer(s, 'toggleLog').dashboard.logScale).toBe(!s.dashboard.logScale);
		expect(replayReducer(s, 'help').dashboard.helpOpen).toBe(true);
	});
});

describe('ReplayScreen', () => {
	test('80×24: the loss chart at the last step; arrows, home and end move; the help lists the replay keys; q quits', async () => {
		const onQuit = vi.fn();
		const {lastFrame, stdin} = renderUi(<ReplayScreen recording={recording()} name="runs.jsonl" onQuit={onQuit} />, {keys: true});
		const frame = () => frameLines(stripAnsi(lastFrame() ?? ''));
		const press = async (key: string) => {
			stdin.write(key);
			await new Promise((r) => setTimeout(r, 30));
		};
		expectFits(frame(), 80, 23);
		expect(frame()[0]).toMatch(/runs\.jsonl +step 1000 · epoch 10 · ⏸ replay 100%/);
		expect(frame().join('\n')).toContain('recorded: 2 runs, steps 10 to 1000');
		expect(frame().at(-1)).toContain('←/→ step through');
		await press('\u001B[H'); // home
		expect(frame()[0]).toContain('step 10 ');
		await press('\u001B[6~'); // page down
		expect(frame()[0]).toContain('step 110 ');
		await press('\u001B[C'); // →
		expect(frame()[0]).toContain('step 120 ');
		await press('\t');
		expect(frame()[1]).toContain('‖∂L/∂W‖');
		await press('?');
		const help = frame().join('\n');
		expect(help).toContain('the first step recorded');
		expect(help).not.toContain('restart');
		await press('?');
		await press('q');
		expect(onQuit).toHaveBeenCalledTimes(1);
	});

	test('Korean and --ascii fit 80 columns', () => {
		const ko = frameLines(stripAnsi(renderUi(<ReplayScreen recording={recording()} name="runs.jsonl" onQuit={() => {}} />, {keys: true, language: 'ko'}).lastFrame() ?? ''));
		expectFits(ko, 80, 23);
		expect(ko.join('\n')).toContain('다시 보기');
		expect(ko.join('\n')).toContain('기록: 실행 2개');
		const ascii = frameLines(stripAnsi(renderUi(<ReplayScreen recording={recording()} name="runs.jsonl" onQuit={() => {}} />, {keys: true, theme: THEMES.ascii}).lastFrame() ?? ''));
		expectFits(ascii, 80, 23);
		expect(ascii.join('\n')).not.toMatch(BLOCKS);
		expect(ascii.at(-1)).toContain('<-/-> step through');
	});
});
