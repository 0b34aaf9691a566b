import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { httpMethodOptions } from '../../fields/descriptions';
import { fieldProblem } from '../../../shared/valueChecks';
import { conferenceTexml, hasForbiddenCharacter, texmlProblem } from '../../fields/texml';
import { conferenceAttributes } from '../../../shared/texml/conference';
import { conferenceOptions } from './conferenceOptions';

/** The name of the URL's method on the wire: `UrlMethod` when placing a call, `Method` when redirecting one. */
type MethodWireName = 'UrlMethod' | 'Method';

const when = (callAction: string) => ({ show: { callAction: [callAction] } });

/**
 * What a call does once answered (Create) or from now on (Redirect): join a conference by name,
 * run TeXML the user wrote, or run TeXML Telnyx fetches from a URL. One set of fields for both
 * operations (every field of a node costs each item a check, whatever the operation); only the
 * URL's method goes out under another name, set by `writeCallInstructions`.
 */
export const instructionFields: INodeProperties[] = [
	{
		displayName: 'Call Action',
		name: 'callAction',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Fetch TeXML From URL',
				value: 'url',
				description: 'Telnyx fetches the TeXML to run from a URL',
			},
			{
				name: 'Join Conference',
				value: 'joinConference',
				description:
					'Join a conference by name, which starts it if it is not running yet; the node writes the TeXML',
			},
			{
				name: 'Run TeXML',
				value: 'texml',
				description: 'Run TeXML written here (a &lt;Response&gt; document)',
			},
		],
		default: 'joinConference',
		description: 'What the call does once answered',
	},
	{
		displayName: 'Conference Name',
		name: 'conferenceName',
		type: 'string',
		required: true,
		displayOptions: when('joinConference'),
		default: '',
		placeholder: 'e.g. incident-4711',
		description:
			'The conference to join, by name: calls given the same name meet in one conference. Any text; it is written into the TeXML escaped.',
	},
	{ ...conferenceOptions, displayOptions: when('joinConference') },
	{
		displayName: 'TeXML',
		name: 'texml',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		displayOptions: when('texml'),
		default: '',
		placeholder: 'e.g. <Response><Say>Your ticket was escalated</Say></Response>',
		description:
			'The TeXML instructions, a &lt;Response&gt; document; checked to be well-formed XML before sending',
		routing: { send: { type: 'body', property: 'Texml' } },
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		displayOptions: when('url'),
		default: '',
		placeholder: 'e.g. https://example.com/instructions.xml',
		description: 'Where Telnyx fetches the TeXML instructions from',
		routing: { send: { type: 'body', property: 'Url' } },
	},
	{
		displayName: 'URL Method',
		name: 'urlMethod',
		type: 'options',
		options: httpMethodOptions,
		displayOptions: when('url'),
		default: 'POST',
		description: 'The HTTP method Telnyx uses to fetch the URL',
	},
	{
		displayName: 'Fallback URL',
		name: 'fallbackUrl',
		type: 'string',
		displayOptions: when('url'),
		default: '',
		placeholder: 'e.g. https://example.com/fallback.xml',
		description: 'Where Telnyx fetches the TeXML from when the URL does not answer',
		routing: { send: { type: 'body', property: 'FallbackUrl' } },
	},
];

/**
 * The instruction fields as an operation's body check sees them: their presence is checked by
 * `writeCallInstructions`, and URL Method under the operation's name for it.
 */
export function instructionFieldsSent(methodWireName: MethodWireName): INodeProperties[] {
	return instructionFields.map((field) => ({
		...field,
		required: false,
		...(field.name === 'urlMethod'
			? { routing: { send: { type: 'body', property: methodWireName } } }
			: {}),
	}));
}

const NOT_SENT = 'Nothing was sent to Telnyx for this item.';

function text(context: IExecuteSingleFunctions, name: string): unknown {
	return context.getNodeParameter(name, '');
}

/**
 * preSend of Create and Redirect: writes the TeXML of Join Conference (`Texml`), checks the TeXML
 * a user wrote, checks that the chosen action's own field is filled, and sends URL Method under
 * the operation's name for it. Runs before the body is
 * checked and encoded, so a bad item sends nothing.
 */
export function writeCallInstructions(methodWireName: MethodWireName) {
	return async function writeInstructions(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const fail = (message: string): never => {
			throw new NodeOperationError(this.getNode(), message, {
				description: NOT_SENT,
				itemIndex: this.getItemIndex(),
			});
		};
		const empty = (label: string, what: string) => fail(`The "${label}" field is empty. ${what}`);
		const action = this.getNodeParameter('callAction', 'joinConference') as string;
		const body = (requestOptions.body ?? {}) as IDataObject;
		requestOptions.body = body;
		if (action === 'joinConference') {
			const name = text(this, 'conferenceName');
			if (typeof name !== 'string' && typeof name !== 'number')
				fail(
					fieldProblem(
						'Conference Name',
						name,
						'must be text',
						'Map a single name, not an object or a list.',
					),
				);
			const conference = String(name).trim();
			if (conference === '')
				empty(
					'Conference Name',
					'Enter the name of the conference to join, or map one from the input data.',
				);
			if (hasForbiddenCharacter(conference))
				fail(
					'The "Conference Name" field contains a control character TeXML cannot carry. Remove it.',
				);
			const given = (this.getNodeParameter('conferenceOptions', {}) ?? {}) as IDataObject;
			body.Texml = conferenceTexml(conference, conferenceAttributes(given, fail));
		} else if (action === 'texml') {
			const texml = text(this, 'texml');
			if (typeof texml !== 'string' || texml.trim() === '')
				return empty(
					'TeXML',
					'Enter a <Response> document, e.g. <Response><Say>Hello</Say></Response>.',
				);
			const problem = texmlProblem(texml.trim());
			body.Texml = texml.trim();
			if (problem)
				fail(
					`The "TeXML" field is not a well-formed TeXML document: ${problem}. Write one <Response> element, e.g. <Response><Say>Hello</Say></Response>, and escape & and < in text as &amp; and &lt;.`,
				);
		} else if (action === 'url') {
			const url = text(this, 'url');
			if (typeof url !== 'string' || url.trim() === '')
				empty('URL', 'Enter the address Telnyx fetches the TeXML from.');
			// Right after Url, where Telnyx's document and SDKs put it.
			const method = this.getNodeParameter('urlMethod', 'POST');
			requestOptions.body = Object.fromEntries(
				Object.entries(body).flatMap(([key, value]) =>
					key === 'Url'
						? [
								[key, value],
								[methodWireName, method],
							]
						: [[key, value]],
				),
			);
		} else {
			fail(
				`The "Call Action" field must be one of joinConference, texml, url, but it is "${String(action)}".`,
			);
		}
		return requestOptions;
	};
}
