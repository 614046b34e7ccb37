/**
 * Every built-in lesson and tour chapter trains at a pace a class can follow: each caption stays
 * on screen for READABLE_SECONDS or more, and the whole lesson fits a lesson's slot. `gradlab
 * check` reports the same timing for a teacher's own file.
 *
 * To see every lesson's numbers: npm run build --silent && for f in scenarios/*.yaml scenarios/tour/0*.yaml; do node dist/bundle/cli.js check $f; done
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {parseCli} from '../src/cli/args.js';
import {check} from '../src/cli/commands.js';
import {listScenarios} from '../src/scenarios/load.js';
import {READABLE_SECONDS, captionTimes, lessonSeconds} from '../src/scenarios/pace.js';
import {loadTour} from '../src/scenarios/tour.js';
import {speedLevels} from '../src/ui/dashboard/speed.js';

const lessons = [...listScenarios(), ...loadTour()];

describe('the built-in lessons and chapters are paced for a class', () => {
	it.each(lessons.map((s) => [s.id, s] as const))('%s: a speed on the ladder, every caption on screen ≥ 4 s, 20 s to 2 min in all', (_id, s) => {
		expect(speedLevels).toContain(s.speed);
		const times = captionTimes(s);
		expect(times.length).toBe(s.notes.length - 1);
		for (const t of times) expect(t.seconds, `notes[${t.index}] at step ${t.at}`).toBeGreaterThanOrEqual(READABLE_SECONDS);
		const seconds = lessonSeconds(s)!;
		expect(seconds).toBeGreaterThanOrEqual(20);
		expect(seconds).toBeLessThanOrEqual(120);
	});
});

describe('gradlab check says how a paced file plays', () => {
	const dir = mkdtempSync(join(tmpdir(), 'gradlab-pace-'));
	afterAll(() => rmSync(dir, {recursive: true, force: true}));
	const sink = () => {
		const w = new Writable({write: (chunk, _e, done) => ((w.text += String(chunk)), done())}) as Writable & {text: string};
		w.text = '';
		return w;
	};

	it('its length, its shortest caption, and each caption too brief to read', () => {
		const file = join(dir, 'paced.yaml');
		writeFileSync(file, 'dataset: xor\ntrain: {steps: 600}\nspeed: 20\nnotes: [{at: 0, en: a}, {at: 40, en: b}, {at: 200, en: c}]\n');
		const out = sink();
		expect(check(parseCli(['check', file]), 'en', out, sink())).toBe(0);
		expect(out.text.split('\n')).toEqual([
			`${file}: ok (1 run, 30 s at 20 steps/s, captions 2.0 s or more)`,
			`${file}: note: notes[0] (step 0) shows for 2.0 s at 20 steps/s; a caption needs about 4 s to be read (start the next one later, or lower speed)`,
			'',
		]);
		const fast = join(dir, 'fast.yaml');
		writeFileSync(fast, 'dataset: xor\nnotes: [{at: 0, en: a}, {at: 1, en: b}]\n');
		const quiet = sink();
		check(parseCli(['check', fast]), 'en', quiet, sink());
		expect(quiet.text).toBe(`${fast}: ok (1 run)\n`);
	});
});
