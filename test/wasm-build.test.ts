import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';

/**
 * The WebAssembly the core runs is the WebAssembly its source says: scripts/build-wasm.mjs --check
 * assembles src/core/wasm/dense.wat again (wabt, pinned) and compares the result with the
 * committed dense-wasm.ts. Mutation caught: one operand of a multiply in dense.wat swapped for
 * another (and, the other way, a byte of the committed base64 changed) makes --check exit 1.
 */
it('the committed WebAssembly bytes are what dense.wat assembles to', () => {
	const script = new URL('../scripts/build-wasm.mjs', import.meta.url).pathname;
	expect(() => execFileSync(process.execPath, [script, '--check'], {stdio: 'pipe'})).not.toThrow();
	// And the check compares something: the generated file names its source and holds the bytes.
	const generated = readFileSync(new URL('../src/core/wasm/dense-wasm.ts', import.meta.url), 'utf8');
	expect(generated).toMatch(/from dense\.wat/);
	expect(generated).toMatch(/export const DENSE_WASM = 'AGFzbQ/);
});
