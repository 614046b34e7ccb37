import {describe, expect, it} from 'vitest';
import type {PickerEntry} from '../../../../src/ui/screens/picker/picker-state.js';
import {ScenarioPicker} from '../../../../src/ui/screens/picker/ScenarioPicker.js';
import {renderUi} from '../../render.js';

const entries: PickerEntry[] = Array.from({length: 12}, (_, k) => ({key: `k${k}`, title: `Lesson ${k}`, summary: `What lesson ${k} shows.`}));
const tick = () => new Promise((r) => setTimeout(r, 50));
const DOWN = '\u001B[B';
const UP = '\u001B[A';

function picker(props: Partial<Parameters<typeof ScenarioPicker>[0]> = {}) {
	const chosen: string[] = [];
	let quit = 0;
	const ui = renderUi(
		<ScenarioPicker
			entries={entries}
			heading="pick a lesson"
			onOpen={(k) => void chosen.push(k)}
			onQuit={() => {
				quit++;
			}}
			{...props}
		/>,
		{keys: true},
	);
	return {...ui, chosen, quits: () => quit};
}

describe('ScenarioPicker', () => {
	it('lists titles, shows the highlighted summary, and opens the highlighted entry', async () => {
		const {lastFrame, stdin, chosen} = picker();
		expect(lastFrame()).toMatch(/❯ Lesson 0/);
		expect(lastFrame()).toMatch(/What lesson 0 shows/);
		await tick();
		stdin.write(DOWN);
		await tick();
		stdin.write(DOWN);
		await tick();
		stdin.write(UP);
		await tick();
		expect(lastFrame()).toMatch(/❯ Lesson 1/);
		expect(lastFrame()).toMatch(/What lesson 1 shows/);
		stdin.write('\r');
		await tick();
		expect(chosen).toEqual(['k1']);
	});

	it('moves once per key when keys arrive together (a fast typist over SSH)', async () => {
		const {lastFrame, stdin, chosen} = picker();
		await tick();
		stdin.write(DOWN + DOWN + DOWN);
		await tick();
		expect(lastFrame()).toMatch(/❯ Lesson 3/);
		stdin.write(UP + '\r');
		await tick();
		expect(chosen).toEqual(['k2']);
	});

	it('starts on the lesson it came back from', () => {
		const {lastFrame} = picker({initialKey: 'k4'});
		expect(lastFrame()).toMatch(/❯ Lesson 4/);
		expect(lastFrame()).toMatch(/What lesson 4 shows/);
	});

	it('scrolls a long list in a short terminal instead of overflowing it', () => {
		const {lastFrame} = picker({rows: 14});
		const lines = lastFrame()!.split('\n');
		expect(lines.length).toBeLessThanOrEqual(13);
		expect(lastFrame()).not.toMatch(/Lesson 11/);
	});

	it('says that a long list scrolls, and how much is above and below', async () => {
		const ui = picker({rows: 14}); // 5 of 12 shown
		expect(ui.lastFrame()).toContain('↓ 7 more below');
		expect(ui.lastFrame()).not.toContain('above');
		for (let k = 0; k < 6; k++) ui.stdin.write(DOWN);
		await tick();
		expect(ui.lastFrame()).toContain('❯ Lesson 6');
		expect(ui.lastFrame()).toContain('↑ 2 more above · ↓ 5 more below');
		// A list that fits says nothing.
		expect(picker().lastFrame()).not.toMatch(/more (above|below)/);
		const ko = renderUi(<ScenarioPicker entries={entries} heading="h" rows={14} onOpen={() => undefined} onQuit={() => undefined} />, {language: 'ko', keys: true});
		expect(ko.lastFrame()).toContain('↓ 아래에 7개 더');
	});

	it('quits on q, Esc and Ctrl-C', async () => {
		const {stdin, quits} = picker();
		await tick();
		for (const key of ['q', '\u001B', '\u0003']) {
			stdin.write(key);
			await tick();
		}
		await new Promise((r) => setTimeout(r, 100)); // Esc waits a moment for a following key
		expect(quits()).toBe(3);
	});
});
