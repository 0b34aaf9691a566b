import type { IDataObject } from 'n8n-workflow';

import { conferenceOptions } from '../../TelnyxTexml/resources/call/conferenceOptions';
import { collectionAttributes } from './attributes';
import type { Attributes, TexmlElement } from './xml';
import { writeElement } from './xml';

/**
 * `<Conference>`: one set of attributes (Conference Options, each option named after its
 * attribute), one check and one writer for Call → Create's Join Conference and the Dial verb of
 * the Telnyx TeXML Response node.
 */
export { conferenceOptions };

/** The attributes set under Conference Options, checked, in the order the options are listed. */
export function conferenceAttributes(
	given: IDataObject,
	fail: (message: string) => never,
): Attributes {
	return collectionAttributes(conferenceOptions, given, fail);
}

/** `<Conference …>name</Conference>`, attributes in the order given. */
export function conferenceElement(name: string, attributes: Attributes): TexmlElement {
	return { name: 'Conference', attributes, text: name };
}

/**
 * `<Response><Dial><Conference …>name</Conference></Dial></Response>`: the call joins the conference
 * `name`, which Telnyx creates when it does not run yet. Attributes in the order given.
 */
export function conferenceTexml(name: string, attributes: Attributes): string {
	return writeElement({
		name: 'Response',
		children: [{ name: 'Dial', children: [conferenceElement(name, attributes)] }],
	});
}
