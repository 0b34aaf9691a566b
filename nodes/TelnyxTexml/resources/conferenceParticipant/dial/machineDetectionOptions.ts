import type { INodeProperties } from 'n8n-workflow';

import {
	cancelPlaybackOnDetectMessageEndField,
	cancelPlaybackOnMachineDetectionField,
} from '../../../fields/callFields';
import { httpMethodOptions } from '../../../fields/descriptions';

/** Answering Machine Detection of Dial. Each field is sent under its Telnyx name only when added. */
export const machineDetectionOptions: INodeProperties = {
	displayName: 'Answering Machine Detection',
	name: 'machineDetectionOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'AMD Status Callback',
			name: 'amdStatusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/callbacks',
			description: 'Where Telnyx sends the result of answering machine detection',
			routing: { send: { type: 'body', property: 'AmdStatusCallback' } },
		},
		{
			displayName: 'AMD Status Callback Method',
			name: 'amdStatusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the AMD Status Callback',
			routing: { send: { type: 'body', property: 'AmdStatusCallbackMethod' } },
		},
		cancelPlaybackOnDetectMessageEndField,
		cancelPlaybackOnMachineDetectionField,
		{
			displayName: 'Machine Detection',
			name: 'machineDetection',
			type: 'options',
			options: [
				{ name: 'Detect Message End', value: 'DetectMessageEnd' },
				{ name: 'Enable', value: 'Enable' },
			],
			default: 'Enable',
			description:
				'Whether to detect an answering machine, and whether to wait for its greeting to end',
			routing: { send: { type: 'body', property: 'MachineDetection' } },
		},
		{
			displayName: 'Machine Detection Beep Profile',
			name: 'machineDetectionBeepProfile',
			type: 'options',
			// Retired: Telnyx's conference dial has no such field. Not offered any more; shown only
			// where a saved workflow still has it, so the user can see and remove it (see retired.ts).
			displayOptions: { show: { machineDetectionBeepProfile: [{ _cnd: { exists: true } }] } },
			options: [
				{ name: 'Both', value: 'both' },
				{ name: 'Frequency Only', value: 'freq_only' },
			],
			default: 'both',
			description:
				'No longer sent: Telnyx’s conference dial does not take it. Remove this field to dial again.',
		},
		{
			displayName: 'Machine Detection Silence Timeout',
			name: 'machineDetectionSilenceTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3500,
			description: 'Milliseconds of initial silence after which the call counts as a machine',
			routing: { send: { type: 'body', property: 'MachineDetectionSilenceTimeout' } },
		},
		{
			displayName: 'Machine Detection Speech End Threshold',
			name: 'machineDetectionSpeechEndThreshold',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 800,
			description: 'Milliseconds of silence that end a greeting',
			routing: { send: { type: 'body', property: 'MachineDetectionSpeechEndThreshold' } },
		},
		{
			displayName: 'Machine Detection Speech Threshold',
			name: 'machineDetectionSpeechThreshold',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3500,
			description: 'Milliseconds of speech after which the greeting counts as a machine’s',
			routing: { send: { type: 'body', property: 'MachineDetectionSpeechThreshold' } },
		},
		{
			displayName: 'Machine Detection Timeout',
			name: 'machineDetectionTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30000,
			description: 'Milliseconds to try detecting before giving up',
			routing: { send: { type: 'body', property: 'MachineDetectionTimeout' } },
		},
	],
};
