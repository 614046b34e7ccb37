/** A message that shows for a few seconds, then goes (a newer one replaces it at once). */
import {useCallback, useEffect, useState} from 'react';

const NOTICE_MS = 5000;

export function useNotice(ms = NOTICE_MS): [string | null, (text: string | void | null) => void] {
	const [notice, setNotice] = useState<string | null>(null);
	useEffect(() => {
		if (notice === null) return;
		const timer = setTimeout(() => setNotice(null), ms);
		return () => clearTimeout(timer);
	}, [notice, ms]);
	const show = useCallback((text: string | void | null) => {
		if (text) setNotice(text);
	}, []);
	return [notice, show];
}
