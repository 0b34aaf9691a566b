import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Also the defaults of the fields below (the lint wants them written out there). */
export const SENDING_DEFAULTS = { maxAttempts: 3, maxConcurrent: 10, maxPerSecond: 0 };

/**
 * Node option "Sending": how fast and how persistently requests go to Telnyx. (n8n adds its own
 * "Options" to declarative nodes for batching, proxy and timeout; these settings are separate.)
 */
export const sendingOptions: INodeProperties = {
	displayName: 'Sending',
	name: 'sending',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'Limits shared by every workflow that uses the same API key. The node follows Telnyx’s rate-limit headers on its own.',
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 3,
			description:
				'How many times a request is sent when it fails for a passing reason (rate limit, timeout, Telnyx 5xx, dropped connection). A dial is sent again only when the connection was refused.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description: 'How many requests may wait for Telnyx’s answer at the same time',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 0,
			description:
				'A cap of your own on requests per second; 0 means no cap beyond the rate Telnyx announces in its headers',
		},
	],
};

export interface SendingSettings {
	maxAttempts: number;
	maxConcurrent: number;
	maxPerSecond: number;
}

/** The Sending option as given, with defaults and out-of-range values clamped. */
export function sendingSettings(raw: IDataObject): SendingSettings {
	const number = (name: keyof SendingSettings, min: number, max: number) => {
		const value = Number(raw?.[name] ?? SENDING_DEFAULTS[name]);
		return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : SENDING_DEFAULTS[name];
	};
	return {
		maxAttempts: Math.floor(number('maxAttempts', 1, 10)),
		maxConcurrent: Math.floor(number('maxConcurrent', 1, 100)),
		maxPerSecond: number('maxPerSecond', 0, 10_000),
	};
}
