/**
 * The lab, end to end in a real terminal at 80×24, as a teacher would try it: open vanishing
 * gradients, give the sigmoid run ReLU and He init, add a copy at lr ×10, start; lower that run's
 * lr while it trains; save the experiment and export what the dashboard drew. The saved file
 * passes `gradlab check`, and `gradlab run FILE --headless` gives the very losses the dashboard
 * showed, bit for bit, the live change included. Needs `npm run build` and tmux.
 *
 * Mutation that makes this fail (checked by hand): the live change not recorded
 * (`recordSetPoints` returning the experiment unchanged): the saved file has no schedule, and
 * with that check removed, headless trains the copy at lr 0.1 throughout and 535 of its losses
 * part from the export's, from the step after the change on.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {CLI, Tmux, hasTmux} from '../helpers/tmux.js';

const STEPS = 1500;
const sessions: Tmux[] = [];
const dirs: string[] = [];
afterEach(() => {
	for (const s of sessions.splice(0)) s.kill();
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});

/** The step counter on the status line. */
function stepOf(screen: string): number {
	const m = /step ([\d.]+)(k?)/.exec(screen);
	if (!m) throw new Error(`no step on screen:\n${screen}`);
	return Number(m[1]) * (m[2] === 'k' ? 1000 : 1);
}

function expectFits(screen: string): void {
	const lines = screen.split('\n');
	expect(lines.length).toBeLessThanOrEqual(25);
	for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
}

interface Loss {
	readonly run: string;
	readonly step: number;
	readonly loss: number;
}

const losses = (jsonl: string): Loss[] =>
	jsonl
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line) as Loss)
		.map(({run, step, loss}) => ({run, step, loss}));

describe.skipIf(!hasTmux())('an experiment, edited, changed live, saved and replayed', () => {
	it('80×24: edit vanishing gradients, add a run at lr ×10, lower its lr live, save; headless replays the dashboard bit for bit', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gradlab-lab-'));
		dirs.push(dir);
		const tmux = Tmux.start({columns: 80, rows: 24});
		sessions.push(tmux);
		tmux.line(`cd ${JSON.stringify(dir)} && node ${CLI} vanishing-gradients --steps ${STEPS}`);
		await tmux.waitFor(/Vanishing gradients .*step/, 20_000);

		// c: the editor over the lesson, the cursor on the first run's optimizer.
		tmux.keys('c');
		let screen = await tmux.waitFor(/runs 3\/8/);
		expectFits(screen);
		expect(screen).toMatch(/❯ optimizer\s+◂ momentum ▸/);
		// The sigmoid run: ReLU (sigmoid → tanh → relu) and He init (xavier-uniform → xavier-normal → he-uniform → he-normal).
		tmux.keys('Down', 'Down', 'Down', 'Down', 'Down', 'Down');
		await tmux.waitFor(/❯ activation\s+◂ sigmoid ▸/);
		tmux.keys('Right', 'Right', 'Down', 'Right', 'Right', 'Right');
		screen = await tmux.waitFor(/❯ weight init\s+◂ he-normal ▸/);
		expect(screen).toMatch(/activation\s+relu/);
		expect(screen).toMatch(/● sigmoid\s+relu, he-normal/);
		// a: a copy of it, selected; its lr four ×10^¼ steps up: ×10.
		tmux.keys('a');
		await tmux.waitFor(/runs 4\/8/);
		tmux.keys('Up', 'Up', 'Up', 'Up', 'Up', 'Up');
		await tmux.waitFor(/❯ learning rate lr\s+◂ 0\.01 ▸/);
		tmux.keys('Right', 'Right', 'Right', 'Right');
		screen = await tmux.waitFor(/❯ learning rate lr\s+◂ 0\.1 ▸/);
		expectFits(screen);
		// The runs panel says what differs between the runs.
		expect(screen).toMatch(/❯◆ sigmoid 2\s+relu, he-normal, lr 0\.1/);
		expect(screen).toMatch(/▲ tanh\s+tanh, xavier-uniform, lr 0\.01/);

		// s: the four runs train from the seed; pause at once to change an lr mid-run.
		tmux.keys('s');
		screen = await tmux.waitUntil((s) => /◆ sigmoid 2/.test(s) && /step \d/.test(s) && !/runs 4\/8/.test(s), 'the edited lesson training', 20_000);
		tmux.keys('Space');
		screen = await tmux.waitFor(/paused/);
		const at = stepOf(screen);
		expect(at).toBeLessThan(STEPS);
		expectFits(screen);
		expect(screen).toMatch(/◆ sigmoid 2 .*lr 0\.1\b/);
		// The legend says what differs: the run still labelled sigmoid now reads relu.
		expect(screen).toMatch(/● sigmoid {2}relu, .*loss/);
		expect(screen).toMatch(/▲ tanh {2}tanh, .*loss/);

		// ] four times picks the copy; < lowers its lr by ×10^¼ while it trains.
		tmux.keys(']', ']', ']', ']', '<');
		// The notice names the step the worker took it at: the set-point's `at` + 1.
		screen = await tmux.waitFor(/sigmoid 2: lr 0\.1 → 0\.0562 from step \d+/);
		const changedAt = Number(/sigmoid 2: lr 0\.1 → 0\.0562 from step (\d+)/.exec(screen)![1]) - 1;
		// At the step the worker had reached (the status line may show an earlier one while pausing).
		expect(changedAt).toBeGreaterThanOrEqual(at);
		expect(changedAt).toBeLessThan(STEPS);
		tmux.keys('Space');
		screen = await tmux.waitUntil((s) => /paused/.test(s) === false && stepOf(s) >= STEPS, 'training to finish', 60_000);
		expect(screen).toMatch(/◆ sigmoid 2 .*lr 0\.0562/);

		// w saves the experiment, e exports what the dashboard holds.
		tmux.keys('w');
		screen = await tmux.waitFor(/saved vanishing-gradients\.yaml/);
		tmux.keys('e');
		await tmux.waitFor(/saved gradlab-vanishing-gradients-.*\.csv/);
		tmux.keys('q');
		await tmux.waitFor(/^\$\s*$/m);

		const saved = join(dir, 'vanishing-gradients.yaml');
		const text = readFileSync(saved, 'utf8');
		expect(text).toContain(`schedule: [{at: ${changedAt}, lr: 0.0562}]`);
		// The lesson's own pace (vanishing-gradients: speed 50) survives the editor and w.
		expect(execFileSync('node', [CLI, 'check', saved], {encoding: 'utf8'})).toMatch(/ok \(4 runs, \d+ s at 50 steps\/s\)/);

		const exported = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
		const shown = losses(readFileSync(join(dir, exported), 'utf8'));
		execFileSync('node', [CLI, 'run', saved, '--headless', '--every', '1', '--format', 'jsonl', '--out', join(dir, 'headless.jsonl')]);
		const replayed = new Map(losses(readFileSync(join(dir, 'headless.jsonl'), 'utf8')).map((r) => [`${r.run}@${r.step}`, r.loss]));
		// Every step of every run was drawn, and headless gives each the same loss, to the last bit.
		expect(shown).toHaveLength(4 * STEPS);
		expect(new Set(shown.map((r) => r.run))).toEqual(new Set(['sigmoid', 'tanh', 'relu', 'sigmoid 2']));
		const differing = shown.filter((r) => !Object.is(replayed.get(`${r.run}@${r.step}`), r.loss));
		expect(differing).toEqual([]);
		// The edited sigmoid run now learns (as the relu run does), and the copy's change shows.
		const last = (run: string) => shown.filter((r) => r.run === run).at(-1)!.loss;
		expect(last('sigmoid')).toBe(last('relu'));
		expect(last('sigmoid')).toBeLessThan(0.5);
	}, 180_000);

	it('80×24: an edited optimizer race says in its legend that the run labelled SGD now uses adam', async () => {
		// Mutation caught: raceLegendLayout ignoring `differs` (the legend reads "● SGD  loss …" as before the edit).
		const tmux = Tmux.start({columns: 80, rows: 24});
		sessions.push(tmux);
		tmux.line(`node ${CLI} optimizer-race`);
		await tmux.waitFor(/Optimizer race: Rosenbrock .*step/, 20_000);
		tmux.keys('c');
		await tmux.waitFor(/❯ optimizer\s+◂ sgd ▸/);
		// sgd → momentum → nesterov → adagrad → adadelta → rmsprop → adam.
		tmux.keys('Right', 'Right', 'Right', 'Right', 'Right', 'Right');
		await tmux.waitFor(/❯ optimizer\s+◂ adam ▸/);
		tmux.keys('s');
		const screen = await tmux.waitUntil((s) => /● SGD {2}adam\b/.test(s) && /step \d/.test(s), 'the edited race training', 20_000);
		expectFits(screen);
		// Every run is in the legend, each saying its optimizer.
		for (const [label, name] of [['Momentum', 'momentum'], ['Nesterov', 'nesterov'], ['Adagrad', 'adagrad'], ['AdaDelta', 'adadelta'], ['RMSprop', 'rmsprop'], ['Adam', 'adam'], ['NAdam', 'nadam']] as const) {
			expect(screen).toMatch(new RegExp(`${label} {2}${name.slice(0, 2)}`));
		}
	}, 60_000);
});
