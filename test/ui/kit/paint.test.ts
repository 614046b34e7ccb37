import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {paint} from '../../../src/ui/kit/paint.js';

describe('paint', () => {
	let level: typeof chalk.level;
	beforeAll(() => {
		level = chalk.level;
		chalk.level = 2;
	});
	afterAll(() => {
		chalk.level = level;
	});

	it('colours as Ink would: hex foreground on a named background, then bold', () => {
		expect(paint('ab', {color: '#ff0000', backgroundColor: 'blue', bold: true})).toBe(chalk.bold(chalk.bgBlue(chalk.hex('#ff0000')('ab'))));
	});

	it('understands ansi256(n) and rgb(r,g,b), and leaves plain text alone', () => {
		expect(paint('x', {color: 'ansi256(79)'})).toBe('\u001B[38;5;79mx\u001B[39m');
		expect(paint('x', {backgroundColor: 'rgb(0, 0, 0)'})).toBe(chalk.bgRgb(0, 0, 0)('x'));
		expect(paint('x', {})).toBe('x');
		expect(paint('x', {dimColor: true, inverse: true})).toBe(chalk.inverse(chalk.dim('x')));
	});
});
