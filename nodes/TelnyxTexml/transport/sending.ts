import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SENDING_DEFAULTS } from '../../shared/constants';

/**
 * Node option "Sending": how persistently requests go to Telnyx. Max Concurrent Requests and Max
 * Requests per Second now live on the credential (they limit the API key, which every workflow
 * using it shares); they stay here for workflows that set them before, used while the credential
 * keeps its defaults. (n8n adds its own "Options" to declarative nodes for batching, proxy and
 * timeout; these settings are separate.)
 */
export const sendingOptions: INodeProperties = {
	displayName: 'Sending',
	name: 'sending',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		'How persistently requests go to Telnyx. The limits of the API key are set on the credential; the node follows Telnyx’s rate-limit headers on its own.',
	options: [
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 3,
			description:
				'How many times a request is sent when it fails for a passing reason (timeout, Telnyx 5xx, dropped connection). Rate limits (429) do not count: those waits are bounded by the credential’s Max Rate-Limit Wait. A dial is sent again only when it cannot have reached Telnyx (connection refused, host not found…) or Telnyx answered 429.',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrent',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 10,
			description:
				'How many requests may wait for Telnyx’s answer at the same time. Set it on the credential instead: a value there other than 10 wins.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 0,
			description:
				'A cap of your own on requests per second; 0 means no cap beyond the rate Telnyx announces. Set it on the credential instead: a value there other than 0 wins.',
		},
	],
};

export interface SendingSettings {
	maxAttempts: number;
	maxConcurrent: number;
	maxPerSecond: number;
	/** Milliseconds an item may wait in total for Telnyx's rate limit. */
	maxRateLimitWaitMs: number;
}

type Limit = keyof typeof SENDING_DEFAULTS;

/**
 * The settings in force for one item. The credential's limits win when they are set, that is when
 * they differ from their defaults (n8n hands a credential over with every default filled in); the
 * node's Sending option, as workflows made before set it, applies otherwise.
 */
export function sendingSettings(node: IDataObject, credential: IDataObject = {}): SendingSettings {
	const given = (source: IDataObject, name: Limit) => {
		const value = source?.[name];
		return value === undefined || value === null || value === '' ? undefined : Number(value);
	};
	const fromCredential = (name: Limit) => {
		const value = given(credential, name);
		return value !== undefined && value !== SENDING_DEFAULTS[name] ? value : undefined;
	};
	const clamp = (value: number | undefined, name: Limit, min: number, max: number) =>
		value !== undefined && Number.isFinite(value)
			? Math.min(max, Math.max(min, value))
			: SENDING_DEFAULTS[name];
	return {
		maxAttempts: Math.floor(clamp(given(node, 'maxAttempts'), 'maxAttempts', 1, 10)),
		maxConcurrent: Math.floor(
			clamp(
				fromCredential('maxConcurrent') ?? given(node, 'maxConcurrent'),
				'maxConcurrent',
				1,
				100,
			),
		),
		maxPerSecond: clamp(
			fromCredential('maxPerSecond') ?? given(node, 'maxPerSecond'),
			'maxPerSecond',
			0,
			10_000,
		),
		maxRateLimitWaitMs:
			clamp(given(credential, 'maxRateLimitWait'), 'maxRateLimitWait', 1, 24 * 3600) * 1000,
	};
}
