/**
 * A small XML reader for the TeXML the sandbox is given (inline `Texml`, or fetched from a URL):
 * elements, attributes, text, comments, CDATA, the XML declaration; entities decoded. Written apart
 * from the node's own check, so a test that parses what the node sent does not trust the node.
 */

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** The element's own text (entities decoded), children's text left out. */
	text: string;
}

export class TexmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
	return text.replace(/&([^;&\s]*);/g, (whole, ref: string) => {
		if (ref in ENTITIES) return ENTITIES[ref];
		const code = /^#x([0-9a-f]+)$/i.exec(ref)
			? parseInt(ref.slice(2), 16)
			: /^#\d+$/.test(ref)
				? Number(ref.slice(1))
				: NaN;
		if (Number.isNaN(code)) throw new TexmlError(`unknown entity ${whole}`);
		return String.fromCodePoint(code);
	});
}

/** Parses a document; throws TexmlError when it is not well-formed XML. */
export function parseXml(source: string): XmlElement {
	let at = 0;
	const skipMisc = () => {
		for (;;) {
			const space = /^\s*/.exec(source.slice(at))![0].length;
			at += space;
			if (source.startsWith('<?', at)) {
				const end = source.indexOf('?>', at);
				if (end < 0) throw new TexmlError('unclosed processing instruction');
				at = end + 2;
			} else if (source.startsWith('<!--', at)) {
				const end = source.indexOf('-->', at);
				if (end < 0) throw new TexmlError('unclosed comment');
				at = end + 3;
			} else return;
		}
	};
	const element = (): XmlElement => {
		const head = /^<([A-Za-z_][\w.-]*)/.exec(source.slice(at));
		if (!head) throw new TexmlError(`expected an element at ${at}`);
		at += head[0].length;
		const node: XmlElement = { name: head[1], attributes: {}, children: [], text: '' };
		for (;;) {
			const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(
				source.slice(at),
			);
			if (!attribute) break;
			if (attribute[1] in node.attributes)
				throw new TexmlError(`repeated attribute ${attribute[1]}`);
			node.attributes[attribute[1]] = decode(attribute[2] ?? attribute[3]);
			at += attribute[0].length;
		}
		const close = /^\s*(\/?)>/.exec(source.slice(at));
		if (!close) throw new TexmlError(`malformed tag <${node.name}>`);
		at += close[0].length;
		if (close[1]) return node;
		for (;;) {
			const lt = source.indexOf('<', at);
			if (lt < 0) throw new TexmlError(`<${node.name}> is not closed`);
			node.text += decode(source.slice(at, lt));
			at = lt;
			if (source.startsWith('</', at)) {
				const end = /^<\/([^\s>]+)\s*>/.exec(source.slice(at));
				if (!end || end[1] !== node.name) throw new TexmlError(`<${node.name}> is not closed`);
				at += end[0].length;
				return node;
			}
			if (source.startsWith('<!--', at)) {
				const end = source.indexOf('-->', at);
				if (end < 0) throw new TexmlError('unclosed comment');
				at = end + 3;
			} else if (source.startsWith('<![CDATA[', at)) {
				const end = source.indexOf(']]>', at);
				if (end < 0) throw new TexmlError('unclosed CDATA');
				node.text += source.slice(at + 9, end);
				at = end + 3;
			} else node.children.push(element());
		}
	};
	skipMisc();
	const root = element();
	skipMisc();
	if (at < source.length) throw new TexmlError('content after the root element');
	return root;
}

/** What a TeXML document makes a call do, as far as the sandbox plays it. */
export type Instructions =
	| { kind: 'conference'; name: string; attributes: Record<string, string> }
	/** `<Record>`: a message is recorded (and transcribed with transcription="true"), then the call ends. */
	| { kind: 'record'; attributes: Record<string, string> }
	| { kind: 'hangup' }
	| { kind: 'playing' };

/** Reads a TeXML document; throws TexmlError unless it is well-formed with a Response root. */
export function readTexml(source: string): Instructions {
	const root = parseXml(source.trim());
	if (root.name !== 'Response')
		throw new TexmlError(`the root element is <${root.name}>, not <Response>`);
	for (const verb of root.children) {
		if (verb.name === 'Hangup') return { kind: 'hangup' };
		if (verb.name === 'Record') return { kind: 'record', attributes: verb.attributes };
		const conference = verb.name === 'Dial' && verb.children.find((c) => c.name === 'Conference');
		if (conference) {
			return {
				kind: 'conference',
				name: conference.text.trim(),
				attributes: conference.attributes,
			};
		}
	}
	// An empty Response ends the call. Say, Play, Pause, Gather…: the sandbox has no audio or clock,
	// so the call stays on them (like a caller waiting in an IVR) until redirected or hung up.
	return root.children.length === 0 ? { kind: 'hangup' } : { kind: 'playing' };
}
