/**
 * TeXML the node writes or passes on. The writer (escaping, elements, `<Conference>`) is the
 * package's one TeXML writer in nodes/shared/texml, shared with the Telnyx TeXML Response node.
 */
import { hasForbiddenCharacter } from '../../shared/texml/xml';

export { hasForbiddenCharacter, xmlEscape } from '../../shared/texml/xml';
export { conferenceTexml } from '../../shared/texml/conference';

const NAME = /^[A-Za-z_][\w.-]*/;

/**
 * Why `text` is not a well-formed XML document whose root element is `Response`, or undefined when
 * it is. Enough of XML 1.0 for TeXML: declaration, comments, processing instructions, CDATA,
 * elements, quoted attributes and the five entities plus character references. No DTDs.
 */
export function texmlProblem(text: string): string | undefined {
	if (hasForbiddenCharacter(text)) return 'it contains a control character XML does not allow';
	let at = 0;
	const rest = () => text.slice(at);
	const open: string[] = [];
	let root: string | undefined;
	let rootClosed = false;
	const where = () => {
		const line = text.slice(0, at).split('\n').length;
		return `on line ${line}`;
	};
	const entities = (chunk: string) => {
		for (const match of chunk.matchAll(/&([^;\s&<]*);?/g)) {
			const ref = match[0];
			if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);$/.test(ref))
				return `"${ref}" is not an XML entity (write & as &amp;)`;
		}
		return undefined;
	};
	while (at < text.length) {
		const lt = text.indexOf('<', at);
		const chunk = lt === -1 ? rest() : text.slice(at, lt);
		if (chunk.trim() !== '') {
			if (open.length === 0) return `there is text outside the Response element ${where()}`;
			const problem = entities(chunk);
			if (problem) return `${problem} ${where()}`;
		}
		if (lt === -1) break;
		at = lt;
		if (rest().startsWith('<?')) {
			const end = text.indexOf('?>', at);
			if (end === -1) return `a processing instruction is not closed ${where()}`;
			at = end + 2;
		} else if (rest().startsWith('<!--')) {
			const end = text.indexOf('-->', at + 4);
			if (end === -1) return `a comment is not closed ${where()}`;
			at = end + 3;
		} else if (rest().startsWith('<![CDATA[')) {
			if (open.length === 0) return `there is text outside the Response element ${where()}`;
			const end = text.indexOf(']]>', at);
			if (end === -1) return `a CDATA section is not closed ${where()}`;
			at = end + 3;
		} else if (rest().startsWith('<!')) {
			return `declarations such as DOCTYPE are not allowed ${where()}`;
		} else if (rest().startsWith('</')) {
			const match = /^<\/([^\s>]+)\s*>/.exec(rest());
			if (!match) return `a closing tag is malformed ${where()}`;
			const expected = open.pop();
			if (expected !== match[1])
				return expected
					? `</${match[1]}> closes <${expected}> ${where()}`
					: `</${match[1]}> closes nothing ${where()}`;
			if (open.length === 0) rootClosed = true;
			at += match[0].length;
		} else {
			at += 1;
			const name = NAME.exec(rest())?.[0];
			if (!name) return `a tag has no valid name ${where()}`;
			if (rootClosed || (open.length === 0 && root !== undefined))
				return `there is more than one root element ${where()}`;
			root ??= name;
			at += name.length;
			const seen = new Set<string>();
			for (;;) {
				const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest());
				if (!attribute) break;
				if (seen.has(attribute[1]))
					return `attribute "${attribute[1]}" is repeated on <${name}> ${where()}`;
				seen.add(attribute[1]);
				const problem = entities(attribute[3] ?? attribute[4] ?? '');
				if (problem) return `${problem} ${where()}`;
				at += attribute[0].length;
			}
			const end = /^\s*(\/?)>/.exec(rest());
			if (!end) return `the tag <${name}> is malformed ${where()}`;
			at += end[0].length;
			if (end[1] === '/') {
				if (open.length === 0) rootClosed = true;
			} else open.push(name);
		}
	}
	if (open.length > 0) return `<${open[open.length - 1]}> is not closed`;
	if (root === undefined) return 'it has no elements';
	if (root !== 'Response') return `its root element is <${root}>, not <Response>`;
	return undefined;
}
