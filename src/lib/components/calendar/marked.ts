/**
 * A translated sentence with emphasised words marked by square brackets: "Press [+] on a day or
 * [New item] to plan a story". The brackets let each language put the words where its grammar
 * wants them while the markup (bold, a link) stays in the component.
 */
export interface MarkedPart {
	text: string;
	/** Which marked span this is (0 for the first, 1 for the second …); null for plain text. */
	mark: number | null;
}

export function marked(text: string): MarkedPart[] {
	const parts: MarkedPart[] = [];
	let mark = 0;
	let last = 0;
	for (const match of text.matchAll(/\[([^\]]+)\]/g)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index), mark: null });
		parts.push({ text: match[1], mark: mark++ });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), mark: null });
	return parts;
}
