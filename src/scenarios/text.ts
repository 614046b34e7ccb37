/**
 * Text from files made safe to print. A scenario, a CSV or a file name may hold control
 * characters — `ESC ]0;…` retitles a terminal, `ESC ]52;…` writes its clipboard, a bidi override
 * reverses what a line appears to say. Every string that enters from a file passes through
 * `cleanText` once, where it is read (parse.ts, the CSV reader, file names), so nothing that
 * shows it later needs to remember: each such character becomes a visible stand-in.
 */

/** Control Pictures (U+2400…): `␛` for ESC, `␇` for BEL; `␡` for DEL. */
const PICTURES = 0x2400;
const DEL_PICTURE = '\u2421';
/** What a C1 control or a bidi override becomes. */
const REPLACEMENT = '\uFFFD';

/**
 * C0 and DEL, C1, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 * Marks (U+200E/U+200F) are left alone: they cannot reorder text beyond themselves.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same, line feeds excepted: where lines are allowed, a text with none of these is left as it is. */
const UNSAFE_IN_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const EVERY_UNSAFE = new RegExp(UNSAFE.source, 'g');

/**
 * `text` with every control character replaced by a visible stand-in. `lines`: keep line breaks
 * (CRLF becomes LF) where the text may span lines — an intro card, a CSV; elsewhere a line break
 * becomes a space. A tab becomes a space: its width depends on where it falls.
 */
export function cleanText(text: string, lines = false): string {
	if (!(lines ? UNSAFE_IN_LINES : UNSAFE).test(text)) return text;
	const source = lines ? text.replace(/\r\n/g, '\n') : text;
	return source.replace(EVERY_UNSAFE, (ch) => {
		if (ch === '\n') return lines ? '\n' : ' ';
		if (ch === '\t' || ch === '\r') return ' ';
		const code = ch.charCodeAt(0);
		if (code < 0x20) return String.fromCharCode(PICTURES + code);
		if (code === 0x7f) return DEL_PICTURE;
		return REPLACEMENT;
	});
}

/**
 * A parsed YAML or JSON value with every string (keys included) cleaned. `multiline(path)` says
 * which strings may keep their line breaks, by their path from the root (`['intro', 'en']`).
 * Iterative, so a deeply nested value cannot overflow the stack (parse.ts bounds the depth first).
 */
export function cleanTree(value: unknown, multiline?: (path: readonly (string | number)[]) => boolean): unknown {
	const fix = (text: string, path: readonly (string | number)[]): string => cleanText(text, multiline?.(path) ?? false);
	if (typeof value === 'string') return fix(value, []);
	type Holder = Record<string | number, unknown>;
	const stack: {node: object; path: (string | number)[]}[] = [];
	if (typeof value === 'object' && value !== null) stack.push({node: value, path: []});
	while (stack.length > 0) {
		const {node, path} = stack.pop()!;
		const holder = node as Holder;
		const visit = (key: string | number): void => {
			const child = holder[key];
			// Numbers (a checkpoint's million weights) need no path and no visit.
			if (typeof child === 'string') holder[key] = fix(child, [...path, key]);
			else if (typeof child === 'object' && child !== null) stack.push({node: child, path: [...path, key]});
		};
		if (Array.isArray(node)) {
			for (let i = 0; i < node.length; i++) visit(i);
			continue;
		}
		for (const key of Object.keys(node)) {
			const clean = fix(key, [...path, key]);
			if (clean !== key) {
				holder[clean] = holder[key];
				delete holder[key];
			}
			visit(clean);
		}
	}
	return value;
}
