/**
 * Every view at 80×24 in a real terminal, in colour, without colour and in ASCII: nothing wider
 * than the terminal, nothing past its last row, no error caption. Also the race map, the
 * activation explorer from the picker, and `e` writing the export files.
 */
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {CLI, E2E_TEST_MS, hasTmux, Tmux} from '../helpers/tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
});
const dir = mkdtempSync(join(tmpdir(), 'gradlab-views-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function start(env: Record<string, string> = {}): Tmux {
	const tmux = Tmux.start({columns: 80, rows: 24, env});
	sessions.push(tmux);
	return tmux;
}

/** What each view shows in its title, in order of the Tab cycle after the gradients view (the one the lesson's first caption shows). */
const CYCLE: readonly [string, RegExp][] = [
	// Ten layers of 16: the inspector says it is too large to draw, and what to look at instead.
	['inspector', /backprop inspector[\s\S]*too large to draw/],
	['slope', /slope (·|\|) loss along the steepest weight[\s\S]*(∂L\/∂w|dL\/dw) [+-]/],
	['boundary', /[●o] sigmoid( test \d+%)? [─-]/], // the test accuracy once there is one
	['histograms', /gradient histograms/],
	['activations', /activations (·|\|) f and f/],
	['loss', /loss \(log\)/],
	['gradients', /per layer/],
];

function expectClean(tmux: Tmux, screen: string): void {
	const lines = screen.split('\n');
	expect(tmux.linesTooWide()).toEqual([]); // on joined lines: a plain capture is cut at 80
	expect(lines.slice(23).join('').trim()).toBe(''); // the last row stays free
	expect(screen).not.toMatch(/error/i);
}

describe.skipIf(!hasTmux())('every view at 80×24', {timeout: E2E_TEST_MS}, () => {
	for (const [look, env, flags] of [
		['colour', {}, ''],
		['NO_COLOR', {NO_COLOR: '1'}, ''],
		['--ascii', {}, '--ascii'],
	] as const) {
		it(`${look}: Tab cycles gradients → inspector → slope → boundary → histograms → activations → loss → gradients`, async () => {
			const tmux = start(env);
			tmux.line(`clear; node ${CLI} vanishing-gradients --steps 1000000 ${flags}`);
			await tmux.waitFor(/per layer/);
			await tmux.waitFor(/relu .*loss/);
			for (const [view, title] of CYCLE) {
				tmux.keys('Tab');
				const screen = await tmux.waitUntil((s) => title.test(s), view);
				expectClean(tmux, screen);
				if (flags === '--ascii') expect(screen.split('\n').slice(1).join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
			}
			tmux.keys('q');
			await tmux.waitFor(/^\$\s*$/m);
		});
	}

	for (const [look, env, flags] of [
		['colour, English', {}, '--lang en'],
		['NO_COLOR, Korean', {NO_COLOR: '1'}, '--lang ko'],
		['--ascii, English', {}, '--lang en --ascii'],
	] as const) {
		it(`${look}: chapter 1's inspector walks one step a phase per key, and the slope view follows`, async () => {
			const ko = flags.includes('ko');
			const ascii = flags.includes('ascii');
			const d = ascii ? 'd' : '∂';
			const tmux = start(env);
			tmux.line(`clear; node ${CLI} scenarios/tour/01-backprop.yaml --steps 1000000 ${flags}`);
			await tmux.waitFor(ko ? /시작/ : /enter\/space start/); // the chapter's intro card
			tmux.keys('Enter');
			await tmux.waitFor(ko ? /역전파 들여다보기/ : /backprop inspector/); // the first caption's view
			tmux.keys('-l', '--', '++++++++'); // from the chapter's 20 steps/s to max
			// Well under way, on the last caption's view, the loss (the first seconds can stall the screen on a loaded machine).
			await tmux.waitFor(/(step|스텝) [\d.]+k/, 30_000);
			tmux.keys('Tab');
			await tmux.waitFor(ko ? /층별/ : /per layer/);
			tmux.keys('Tab');
			await tmux.waitFor(ko ? /역전파 들여다보기/ : /backprop inspector/);
			// An edge into the output layer (→ its unit h1, → its edge from h1 to o1), then six presses:
			// forward L1, forward L2, the loss, backward L2, backward L1, the update. The first pauses
			// the run on the step it shows next.
			tmux.keys('Right');
			await tmux.waitFor(/h1 \(L1\)/);
			tmux.keys('Right');
			await tmux.waitFor(/w\(h1(→|->)o1\), L2/);
			const phases: RegExp[] = [
				ko ? /순전파가 아직 이 층에/ : /has not reached this layer yet/,
				/z\(o1\)/,
				ko ? /[│|] 손실 [\d.]+ [│|]/ : /[│|] loss [\d.]+ [│|]/,
				new RegExp(`${d}L/${d}w = (Σ|sum) `),
				new RegExp(`${d}L/${d}w = (Σ|sum) `),
				/w (←|<-) w (−|-) lr[·*]/,
			];
			for (const phase of phases) {
				tmux.keys('.');
				const screen = await tmux.waitUntil((s) => phase.test(s), String(phase));
				expectClean(tmux, screen);
				expect(screen).toMatch(ko ? /다음 스텝 \d+/ : /next step \d+/); // paused on it
				if (ascii) expect(screen.split('\n').slice(1).join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
			}
			tmux.keys('Right');
			await tmux.waitFor(/b (←|<-) b (−|-) lr[·*]/); // the edge's unit: its bias's step
			tmux.keys('Tab');
			const slope = await tmux.waitFor(new RegExp(`${d}L/${d}w [+-]`));
			expectClean(tmux, slope);
			tmux.keys('g');
			expectClean(tmux, await tmux.waitFor(ko ? /−∇L \(가장/ : ascii ? /along -grad L/ : /along −∇L/));
			tmux.keys('q');
			await tmux.waitFor(/^\$\s*$/m);
		}, 90_000);
	}

	it('the race map, and e writes the curves to the working directory', async () => {
		const tmux = start();
		tmux.line(`cd ${dir} && clear && node ${CLI} optimizer-race`);
		const screen = await tmux.waitFor(/optimizer race · rosenbrock/);
		expectClean(tmux, screen);
		tmux.keys('-l', '--', '+++++++'); // from the lesson's 50 steps/s to max
		await tmux.waitFor(/finished/);
		tmux.keys('e');
		await tmux.waitFor(/saved gradlab-optimizer-race-\d{8}-\d{6}\.csv/);
		const files = readdirSync(dir).sort();
		expect(files.map((f) => f.replace(/\d{8}-\d{6}/, 'T'))).toEqual(['gradlab-optimizer-race-T.csv', 'gradlab-optimizer-race-T.jsonl']);
		expect(existsSync(join(dir, files[0]!))).toBe(true);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});

	it('the race map keys its contours, and ] singles out a path', async () => {
		const tmux = start({NO_COLOR: '1'});
		tmux.line(`clear; node ${CLI} saddle-race`);
		let screen = await tmux.waitFor(/contours at f − min = /);
		expectClean(tmux, screen);
		expect(screen).toMatch(/optimizer race · saddle · x -2\.5 … 2\.5 · y -2\.5 … 2\.5/);
		await tmux.waitFor(/step [1-9]/); // the dashboard is reading keys
		tmux.keys(']');
		screen = await tmux.waitFor(/y -2\.5 … 2\.5 · ● \S+/);
		expectClean(tmux, screen);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});

	// The lesson opens on the images (its first caption is about them). At 80×24 one confusion matrix
	// fits beside the images; a line under it names the other run and [ ], and ] reaches each matrix.
	for (const [look, env, flags, pixels] of [
		['colour', {}, '', '▀{8}'],
		['NO_COLOR', {NO_COLOR: '1'}, '', '[ ▀▄█]{8}'],
		['--ascii', {}, '--ascii', '[ .:+#]{8}'],
	] as const) {
		it(`${look}: the digits show as images with every run's guess, and each run's confusion matrix is one ] away`, async () => {
			const ascii = flags === '--ascii';
			const [sgd, adam, sep] = ascii ? ['o', '\\*', '\\|'] : ['●', '▲', '·'];
			const tmux = start(env);
			tmux.line(`clear; node ${CLI} digits ${flags}`);
			await tmux.waitFor(/test images .* confusion: row true, column predicted/);
			// The first probe has come with the guesses (and the matrices' counts, which travel with them):
			// each run's guess beside an image. The worker computes them from the start only if told the
			// lesson opens on this view (mutation: App's init asking only for 'boundary' fails here).
			const guesses = [sgd, adam].map((marker) => new RegExp(`${pixels} ${marker}\\d`));
			let screen = await tmux.waitUntil((s) => guesses.every((g) => g.test(s)), "both runs' guesses");
			// Chosen by hand (away and back), so the caption at step 200 does not take the screen to the loss chart.
			tmux.keys('Right');
			await tmux.waitFor(/per layer/);
			tmux.keys('Left');
			screen = await tmux.waitUntil((s) => /test images/.test(s) && guesses.every((g) => g.test(s)), 'the images again');
			expectClean(tmux, screen);
			if (ascii) expect(screen.split('\n').slice(1, 16).join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
			expect(screen).toMatch(new RegExp(`${sgd} {3}0 {2}1 {2}2`)); // SGD's matrix
			expect(screen).not.toMatch(new RegExp(`${adam} {3}0 {2}1 {2}2`)); // Adam's does not fit beside it…
			expect(screen).toMatch(new RegExp(`\\+1 more ${sep} \\[ \\] run: ${adam} Adam`)); // …and the line under it says how to reach it
			tmux.keys(']');
			screen = await tmux.waitFor(new RegExp(`test images ${sep} ${sgd} SGD`));
			expectClean(tmux, screen);
			tmux.keys(']');
			screen = await tmux.waitFor(new RegExp(`test images ${sep} ${adam} Adam`));
			expect(screen).toMatch(new RegExp(`${adam} {3}0 {2}1 {2}2`));
			expect(screen).not.toMatch(/\[ \]/);
			expectClean(tmux, screen);
			tmux.keys('q');
			await tmux.waitFor(/^\$\s*$/m);
		});
	}

	it('the activation explorer opens from the picker without training', async () => {
		const tmux = start();
		tmux.line(`clear; node ${CLI}`);
		await tmux.waitFor(/pick a lesson/);
		tmux.keys('Up'); // the list wraps: the explorer is the last entry
		await tmux.waitFor(/❯ Activation explorer/);
		tmux.keys('Enter');
		const screen = await tmux.waitFor(/0\.25¹⁰ ≈ 9\.5e-07/);
		expectClean(tmux, screen);
		expect(screen).not.toMatch(/steps\/s/); // nothing trains
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);
	});
});
