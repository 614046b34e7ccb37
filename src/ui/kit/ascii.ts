/**
 * `--ascii` promises ASCII only, but lesson text is written with typography (×, ≈, ′, ¹⁰, —).
 * These helpers spell it in ASCII. Korean text stays as it is: it has no ASCII spelling, and a
 * person who asked for Korean has a font for it.
 */
const CHARACTERS: Readonly<Record<string, string>> = {
	'′': "'", '’': "'", '‘': "'", '“': '"', '”': '"', '≈': '~', '×': 'x', '·': '|', '—': '--', '–': '-', '−': '-',
	'…': '...', '≤': '<=', '≥': '>=', '→': '->', '←': '<-', '↑': '^', '↓': 'v', '‖': '||', '∂': 'd', '√': 'sqrt',
	'Σ': 'sum', '¼': '1/4', '÷': '/', 'α': 'alpha', 'β': 'beta', 'γ': 'gamma', 'ε': 'eps', 'η': 'eta', 'μ': 'mu', '▸': '>', '•': '*',
	'ρ': 'rho', 'λ': 'lambda', 'ℓ': 'l', '∇': 'grad ', '̂': '^', '₁': '1', '₂': '2', '²': '^2',
	// The slope view's marks, as its --ascii plot draws them: the current point and where the step lands.
	'●': 'O', '◆': '@', '▶': '>', '◀': '<', '━': '=',
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = {'⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-'};

/** `text` with its typography spelled in ASCII (0.25¹⁰ ≈ 1e-6 → 0.25^10 ~ 1e-6). */
export function asciiText(text: string): string {
	return text
		.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+/g, (run) => `^${[...run].map((c) => SUPERSCRIPTS[c]).join('')}`)
		.replace(/[^\x00-\x7f]/g, (c) => CHARACTERS[c] ?? c);
}

/**
 * Lesson text (captions, intro cards) and the inspector's formulas in ASCII. Their `·` is a product
 * (∂L/∂z · a_prev, 0.4·∂L/∂w, lr · g / √G), so it is `*`, not the separator `|` of the UI's words.
 */
export function asciiMath(text: string): string {
	return asciiText(text.replace(/·/g, '*'));
}

type Json = string | number | boolean | null | undefined | readonly Json[] | {readonly [key: string]: Json};

/** A copy of `value` with every English text (the `en` of `{en, ko}` objects) spelled in ASCII, as lesson text (asciiMath). */
export function asciiTexts<T>(value: T): T {
	const walk = (v: Json): Json => {
		if (Array.isArray(v)) return v.map(walk);
		if (v === null || typeof v !== 'object') return v;
		const object = v as {readonly [key: string]: Json};
		const out: {[key: string]: Json} = {};
		for (const [key, child] of Object.entries(object)) out[key] = key === 'en' && typeof child === 'string' && 'ko' in object ? asciiMath(child) : walk(child);
		return out;
	};
	return walk(value as Json) as T;
}
