/**
 * The one TeXML writer (nodes/shared/texml): escaping, elements, the document. Read back with the
 * sandbox's own XML reader, which shares no code with the writer.
 */
import { hasForbiddenCharacter, xmlEscape } from '../../nodes/TelnyxTexml/fields/texml';
import {
	hasForbiddenCharacter as sharedForbidden,
	writeDocument,
	writeElement,
	xmlEscape as sharedEscape,
} from '../../nodes/shared/texml';
import { parseXml } from '../../sandbox';
import { shapeOf } from './run';

const NASTY = [
	'</Say><Hangup/>',
	'"/><Hangup/><Say x="',
	"' onload='x",
	']]>',
	'<![CDATA[<Hangup/>]]>',
	'&amp; &lt; &#60; &#x3C; &bogus;',
	'<!-- <Hangup/> -->',
	'<?xml version="1.0"?><Response><Hangup/></Response>',
	'Zoë 日本語 😀 مرحبا',
	'line one\nline two\ttabbed\r\nend',
];

describe('the TeXML writer', () => {
	test('Call → Create keeps importing the same escaping from its own module', () => {
		expect(xmlEscape).toBe(sharedEscape);
		expect(hasForbiddenCharacter).toBe(sharedForbidden);
		expect(xmlEscape(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
		);
	});

	test.each(NASTY)(
		'text and attribute values come back exactly, and add no element: %j',
		(value) => {
			const written = writeElement({
				name: 'Response',
				children: [
					{ name: 'Say', attributes: [['voice', value]], text: value },
					{ name: 'Hangup' },
				],
			});
			const root = shapeOf(parseXml(written));
			expect(root).toEqual({
				name: 'Response',
				children: [{ name: 'Say', attributes: { voice: value }, text: value }, { name: 'Hangup' }],
			});
		},
	);

	test('attribute values keep tabs and line breaks as character references', () => {
		const written = writeElement({ name: 'Say', attributes: [['voice', 'a\tb\nc\rd']], text: 'x' });
		expect(written).toBe('<Say voice="a&#9;b&#10;c&#13;d">x</Say>');
	});

	test('an element with neither text nor children closes itself; the document has the UTF-8 declaration', () => {
		expect(writeDocument([{ name: 'Hangup' }])).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
		);
		expect(writeElement({ name: 'Pause', attributes: [['length', '2']] })).toBe(
			'<Pause length="2"/>',
		);
	});

	test('control characters XML cannot carry are refused, never written', () => {
		for (const bad of ['\u0000', '\u0008', '\u000B', '\u001B', '\uFFFE']) {
			expect(sharedForbidden(`a${bad}b`)).toBe(true);
			expect(() => writeElement({ name: 'Say', text: `a${bad}b` })).toThrow(
				'The text of <Say> contains a control character TeXML cannot carry',
			);
			expect(() => writeElement({ name: 'Say', attributes: [['voice', bad]] })).toThrow(
				'The voice attribute of <Say> contains a control character',
			);
		}
		expect(sharedForbidden('tab\tnewline\ncr\r')).toBe(false);
	});

	test('element and attribute names must be plain names: they come from the verb specs only', () => {
		expect(() => writeElement({ name: 'Say><Hangup/' })).toThrow('is not a TeXML element');
		expect(() => writeElement({ name: 'Say', attributes: [['a="1" b', 'x']] })).toThrow(
			'is not a TeXML element or attribute name',
		);
	});
});
