/** The terminal's size, updated on resize (Ink 6 has no useWindowSize). */
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {TerminalSize} from './size.js';

/** Reads Ink's stdout (never the global process.stdout); falls back to 80×24 when unknown. */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => {
			const next = read();
			setSize((now) => (now.columns === next.columns && now.rows === next.rows ? now : next));
		};
		stdout.on('resize', onResize);
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
