import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {parseCli} from '../src/cli/args.js';
import {check, list} from '../src/cli/commands.js';

const dir = mkdtempSync(join(tmpdir(), 'gradlab-list-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function sink(): Writable & {text: string} {
	const out = new Writable({
		write(chunk, _encoding, done) {
			out.text += String(chunk);
			done();
		},
	}) as Writable & {text: string};
	out.text = '';
	return out;
}

describe('gradlab list', () => {
	it('lists every good lesson and names a bad file in --dir on stderr, exit 2', () => {
		writeFileSync(join(dir, 'mine.yaml'), 'title: Mine\ndataset: {name: moons}\nruns: [{label: a}, {label: b, model: {activation: tanh}}]\n');
		writeFileSync(join(dir, 'oops.yaml'), 'dataset: {name: spirall}\nruns: [{label: a}]\n');
		const out = sink();
		const err = sink();
		expect(list(parseCli(['list', '--dir', dir]), 'en', out, err)).toBe(2);
		expect(out.text).toMatch(/^vanishing-gradients +Vanishing gradients$/m);
		expect(out.text).toMatch(/^mine +Mine$/m);
		expect(err.text).toMatch(/oops\.yaml: dataset\.name: got "spirall".*did you mean "spiral"/);
	});
});

describe('gradlab check', () => {
	it('counts runs in words: "1 run", "2 runs"', () => {
		writeFileSync(join(dir, 'one.yaml'), 'dataset: {name: moons}\n');
		writeFileSync(join(dir, 'two.yaml'), 'runs: [{label: a}, {label: b}]\n');
		const out = sink();
		expect(check(parseCli(['check', join(dir, 'one.yaml'), join(dir, 'two.yaml')]), 'en', out, sink())).toBe(0);
		expect(out.text).toBe(`${join(dir, 'one.yaml')}: ok (1 run)\n${join(dir, 'two.yaml')}: ok (2 runs)\n`);
	});
});
