import type { INodeProperties } from 'n8n-workflow';

import { conferenceElement, conferenceOptions } from '../conference';
import type { TexmlElement } from '../xml';
import type { EntryReader, VerbSpec } from './spec';
import { forVerbs } from './spec';
import { calledOptions, dialOptions, queueOptions } from './dialOptions';

/**
 * Dial: connects the caller to a conference (the same Conference Options, checks and writer as
 * Call → Create's Join Conference), a phone number, a SIP address or a queue.
 */

const dialTo: INodeProperties = {
	displayName: 'Dial To',
	name: 'dialTo',
	type: 'options',
	options: [
		{ name: 'Conference', value: 'conference', description: 'Join a conference by name' },
		{ name: 'Phone Number', value: 'number', description: 'Call a phone number' },
		{ name: 'Queue', value: 'queue', description: 'Take the next caller waiting in a queue' },
		{ name: 'SIP Address', value: 'sip', description: 'Call a SIP URI' },
	],
	displayOptions: forVerbs(['dial']),
	default: 'conference',
	description: 'Whom the caller is connected to',
};

const to = (target: string) => forVerbs(['dial'], { dialTo: [target] });

const conferenceName: INodeProperties = {
	displayName: 'Conference Name',
	name: 'conferenceName',
	type: 'string',
	required: true,
	displayOptions: to('conference'),
	default: '',
	placeholder: 'e.g. weekly-sync',
	description:
		'The conference to join, by name: calls given the same name meet in one conference. Any text; it is written into the TeXML escaped.',
};

const dialNumber: INodeProperties = {
	displayName: 'Phone Number',
	name: 'dialNumber',
	type: 'string',
	required: true,
	displayOptions: to('number'),
	default: '',
	placeholder: 'e.g. +13125550123',
	description: 'The number to call, in E.164 format',
};

const dialSip: INodeProperties = {
	displayName: 'SIP Address',
	name: 'dialSip',
	type: 'string',
	required: true,
	displayOptions: to('sip'),
	default: '',
	placeholder: 'e.g. sip:support@example.com',
	description: 'The SIP URI to call, starting with sip: or sips:',
};

const dialQueue: INodeProperties = {
	displayName: 'Queue Name',
	name: 'dialQueue',
	type: 'string',
	required: true,
	displayOptions: to('queue'),
	default: '',
	placeholder: 'e.g. support',
	description: 'The queue whose next waiting caller is connected',
};

const numberOptions: INodeProperties = {
	...calledOptions('Phone Number Options', 'numberOptions', false),
	displayOptions: to('number'),
};
const sipOptions: INodeProperties = {
	...calledOptions('SIP Options', 'sipOptions', true),
	displayOptions: to('sip'),
};
const dialQueueOptions: INodeProperties = { ...queueOptions, displayOptions: to('queue') };
const dialConferenceOptions: INodeProperties = {
	...conferenceOptions,
	displayOptions: to('conference'),
};

const dialAction: INodeProperties = {
	displayName: 'Action URL',
	name: 'dialAction',
	type: 'string',
	displayOptions: forVerbs(['dial']),
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/voice',
	description:
		'Where Telnyx asks for the next TeXML when the dialled call or the conference ends. Leave empty to ask the Telnyx TeXML Answer Trigger this workflow starts from, with ?event=dial.',
};

const DIGITS = {
	test: /^[0-9*#wW]+$/,
	problem: 'may only contain 0–9, *, # and w',
	fix: 'Remove the other characters.',
};

function noun(entry: EntryReader): TexmlElement {
	const target = entry.text(dialTo, {
		kind: 'choice',
		choices: ['conference', 'number', 'queue', 'sip'],
	});
	if (target === 'number')
		return {
			name: 'Number',
			attributes: entry.options(numberOptions, { sendDigits: { pattern: DIGITS } }),
			text: entry.text(dialNumber, {
				required: true,
				pattern: {
					test: /^\+?\d{3,15}$/,
					problem: 'must be a phone number in E.164 format',
					fix: 'Enter e.g. +13125550123.',
				},
			}),
		};
	if (target === 'sip')
		return {
			name: 'Sip',
			attributes: entry.options(sipOptions, { sendDigits: { pattern: DIGITS } }),
			text: entry.text(dialSip, {
				required: true,
				pattern: {
					test: /^sips?:\S+$/i,
					problem: 'must be a SIP URI',
					fix: 'Enter e.g. sip:support@example.com.',
				},
			}),
		};
	if (target === 'queue')
		return {
			name: 'Queue',
			attributes: entry.options(dialQueueOptions),
			text: entry.text(dialQueue, { required: true }),
		};
	// The same check and writer as Call → Create's Join Conference.
	return conferenceElement(
		entry.text(conferenceName, { required: true }).trim(),
		entry.options(dialConferenceOptions),
	);
}

const dialOptionsShown: INodeProperties = { ...dialOptions, displayOptions: forVerbs(['dial']) };

export const dial: VerbSpec = {
	value: 'dial',
	name: 'Dial',
	description: 'Connect the caller to a conference, a phone number, a SIP address or a queue',
	fields: [
		dialTo,
		conferenceName,
		dialConferenceOptions,
		dialNumber,
		numberOptions,
		dialSip,
		sipOptions,
		dialQueue,
		dialQueueOptions,
		dialAction,
		dialOptionsShown,
	],
	build: (entry) => {
		const child = noun(entry);
		return {
			name: 'Dial',
			attributes: [
				...entry.action(dialAction, 'dial'),
				...entry.options(dialOptionsShown, {
					fromDisplayName: { maxLength: 128 },
				}),
			],
			children: [child],
		};
	},
};
