/**
 * The one TeXML writer: every text and attribute value goes through `xmlEscape`, element and
 * attribute names come from the package's verb specs, so no input can add an element or an
 * attribute. Call → Create's Join Conference and the Telnyx TeXML Response node both write here.
 */

/** Escapes text for element content and for a double-quoted attribute value. */
export function xmlEscape(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Characters XML 1.0 does not allow anywhere, not even escaped (control characters but tab and newlines). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function hasForbiddenCharacter(text: string): boolean {
	return NOT_XML.test(text);
}

/**
 * An attribute value keeps its tabs and line breaks: a reader would turn them into spaces
 * (XML's attribute value normalisation) unless written as character references.
 */
function attributeEscape(text: string): string {
	return xmlEscape(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type Attributes = Array<[string, string]>;

/** An element to write: attributes in order, then either text or child elements. */
export interface TexmlElement {
	name: string;
	attributes?: Attributes;
	text?: string;
	children?: TexmlElement[];
}

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function checkedName(name: string): string {
	// Names come from the verb specs, never from input; a bad one is a bug in the package.
	if (!NAME.test(name)) throw new Error(`"${name}" is not a TeXML element or attribute name`);
	return name;
}

function checkedValue(value: string, where: string): string {
	if (hasForbiddenCharacter(value))
		throw new Error(`${where} contains a control character TeXML cannot carry`);
	return value;
}

/** `<Name a="v">text</Name>`, or `<Name a="v"/>` when it has neither text nor children. */
export function writeElement(element: TexmlElement): string {
	const name = checkedName(element.name);
	const attributes = (element.attributes ?? [])
		.map(([key, value]) => {
			const where = `The ${key} attribute of <${name}>`;
			return ` ${checkedName(key)}="${attributeEscape(checkedValue(value, where))}"`;
		})
		.join('');
	const children = (element.children ?? []).map(writeElement).join('');
	const text =
		element.text === undefined
			? ''
			: xmlEscape(checkedValue(element.text, `The text of <${name}>`));
	if (text === '' && children === '') return `<${name}${attributes}/>`;
	return `<${name}${attributes}>${text}${children}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A whole TeXML document: the UTF-8 declaration and one `<Response>` holding the verbs in order. */
export function writeDocument(verbs: TexmlElement[]): string {
	return `${XML_DECLARATION}${writeElement({ name: 'Response', children: verbs })}`;
}
