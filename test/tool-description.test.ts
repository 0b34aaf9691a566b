import type { INode, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { TelnyxTexml } from '../nodes/TelnyxTexml/TelnyxTexml.node';

/**
 * What a model is told about each operation when the tool's description is "Set Automatically":
 * n8n builds it from the operation's `action` and the node's default name (n8n-workflow's
 * getToolDescriptionForNode). The jest output lists every one of them.
 */
// The sentence-case check exactly as the lint plugin runs it, with the plugin's own copy of the library.
const { sentenceCase } = require(
	require.resolve('sentence-case', { paths: [require.resolve('eslint-plugin-n8n-nodes-base')] }),
) as { sentenceCase: (text: string) => string };

const nodeType = new TelnyxTexml();
const { properties } = nodeType.description;

const operations = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) =>
		(p.options as INodePropertyOptions[]).map((o) => ({
			resource: p.displayOptions!.show!.resource![0] as string,
			option: o,
		})),
	);

const toolDescription = (resource: string, operation: string) => {
	const node: INode = {
		id: '1',
		name: 'Telnyx TeXML',
		type: 'n8n-nodes-telnyx-texml.telnyxTexmlTool',
		typeVersion: 1,
		position: [0, 0],
		parameters: { descriptionType: 'auto', resource, operation },
	};
	return NodeHelpers.getToolDescriptionForNode(node, nodeType);
};

const EXPECTED: Array<[string, string, string]> = [
	['aiCall', 'create', 'Place a call handled by an AI assistant in Telnyx TeXML'],
	['call', 'create', 'Place a call that joins a conference in Telnyx TeXML'],
	['call', 'get', 'Get the status of a conference call in Telnyx TeXML'],
	['call', 'getAll', 'Get many calls to find a conference caller by number in Telnyx TeXML'],
	['call', 'hangUp', 'Hang up a call and take it out of its conference in Telnyx TeXML'],
	['call', 'redirect', 'Redirect a call into a conference or new instructions in Telnyx TeXML'],
	['callRecording', 'getAll', 'Get many recordings of a call in Telnyx TeXML'],
	['callRecording', 'start', 'Start recording a call in Telnyx TeXML'],
	['callRecording', 'update', 'Pause or resume or stop a call recording in Telnyx TeXML'],
	['callSiprec', 'start', 'Start a SIPREC session for a call in Telnyx TeXML'],
	['callSiprec', 'stop', 'Stop a SIPREC session of a call in Telnyx TeXML'],
	['callStream', 'start', 'Start streaming the audio of a call in Telnyx TeXML'],
	['callStream', 'stop', 'Stop streaming the audio of a call in Telnyx TeXML'],
	['conference', 'get', 'Get the status of a conference in Telnyx TeXML'],
	['conference', 'getAll', 'Get many conferences to find one by name or status in Telnyx TeXML'],
	[
		'conference',
		'update',
		'End a conference or play an announcement to everyone in it in Telnyx TeXML',
	],
	[
		'conferenceParticipant',
		'create',
		'Dial a phone number into a conference as a new participant in Telnyx TeXML',
	],
	[
		'conferenceParticipant',
		'delete',
		'Remove a participant from a conference and hang up in Telnyx TeXML',
	],
	[
		'conferenceParticipant',
		'get',
		'Get a conference participant to check if muted or on hold in Telnyx TeXML',
	],
	[
		'conferenceParticipant',
		'getAll',
		'Get many participants to list who is in a conference in Telnyx TeXML',
	],
	[
		'conferenceParticipant',
		'update',
		'Mute or hold or coach or announce to a conference caller in Telnyx TeXML',
	],
	[
		'conferenceRecording',
		'getAll',
		'Get many recordings of a conference with their audio links in Telnyx TeXML',
	],
	['queue', 'create', 'Create a call queue in Telnyx TeXML'],
	['queue', 'delete', 'Delete a call queue in Telnyx TeXML'],
	['queue', 'get', 'Get a call queue in Telnyx TeXML'],
	['queue', 'getAll', 'Get many call queues in Telnyx TeXML'],
	['queue', 'update', 'Update the max size of a call queue in Telnyx TeXML'],
	['recording', 'delete', 'Delete a call or conference recording in Telnyx TeXML'],
	['recording', 'download', 'Download a call or conference recording as a file in Telnyx TeXML'],
	['recording', 'get', 'Get a call or conference recording by its SID in Telnyx TeXML'],
	['recording', 'getAll', 'Get many recordings of calls and conferences in Telnyx TeXML'],
	['texmlApplication', 'create', 'Create an application that answers calls in Telnyx TeXML'],
	['texmlApplication', 'delete', 'Delete an application that answers calls in Telnyx TeXML'],
	['texmlApplication', 'get', 'Get an application that answers calls in Telnyx TeXML'],
	['texmlApplication', 'getAll', 'Get many applications that answer calls in Telnyx TeXML'],
	['texmlApplication', 'update', 'Update an application that answers calls in Telnyx TeXML'],
	['texmlSecret', 'create', 'Store a secret for call scripts in Telnyx TeXML'],
	['transcription', 'delete', 'Delete the transcription of a recorded call in Telnyx TeXML'],
	['transcription', 'get', 'Get the transcribed text of a recorded call in Telnyx TeXML'],
	['transcription', 'getAll', 'Get many transcriptions of recorded calls in Telnyx TeXML'],
];

test('every operation has a model-facing description', () => {
	expect(operations.map(({ resource, option }) => [resource, option.value])).toEqual(
		EXPECTED.map(([r, o]) => [r, o]),
	);
});

test.each(EXPECTED)('%s → %s: the model reads "%s"', (resource, operation, expected) => {
	expect(toolDescription(resource, operation)).toBe(expected);
});

// Next to another meeting tool, a model (and a builder in the actions list) must see where it acts:
// in a conference, or (recordings, transcriptions) on calls and conferences.
test.each(EXPECTED)(
	'%s → %s: the description names the conference or call it acts in',
	(_r, _o, expected) => {
		expect(expected).toMatch(/\b(conferences?|calls?)\b/);
	},
);

/** The checks of eslint-plugin-n8n-nodes-base for `action` (they skip options defined apart, as ours are). */
test.each(operations.map(({ resource, option }) => [resource, option.value, option.action!]))(
	'%s → %s: the action follows n8n’s rules (sentence case, Get many, short enough to name a tool)',
	(_resource, operation, action) => {
		const checked = action
			.split(' ')
			.filter((word) => word !== word.toUpperCase())
			.join(' ');
		expect(checked).toBe(sentenceCase(checked));
		if (operation === 'getAll') expect(action).toMatch(/^Get many /);
		// A node added from the actions list is named after its action, and tool names are capped at 64.
		expect(action.length).toBeLessThanOrEqual(60);
	},
);

test('the tool variant’s own description (the default when set manually) names what the tool can do', () => {
	const { usableAsTool } = nodeType.description;
	const replaced =
		typeof usableAsTool === 'object' ? usableAsTool.replacements?.description : undefined;
	expect(replaced).toMatch(
		/^Run a live Telnyx conference call: list who is in a conference, mute or unmute, hold/,
	);
});
