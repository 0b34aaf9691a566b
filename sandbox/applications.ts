import { randomInt } from 'node:crypto';

import { HttpError } from './http';

/**
 * TeXML applications (Telnyx's TexmlApplication): where an incoming call asks for its TeXML (the
 * Voice URL, its method and fallback), the call progress callbacks, and the connection settings
 * the document declares. Created, read, updated and deleted with JSON, as the document declares.
 */

export const ANCHORSITES = [
	'Latency',
	'Chicago, IL',
	'Ashburn, VA',
	'San Jose, CA',
	'Sydney, Australia',
	'Amsterdam, Netherlands',
	'London, UK',
	'Toronto, Canada',
	'Vancouver, Canada',
	'Frankfurt, Germany',
];
export const DTMF_TYPES = ['RFC 2833', 'Inband', 'SIP INFO'];
const RECEIVE = ['only_my_connections', 'from_anyone'];

export interface TexmlApplication {
	id: string;
	accountSid: string;
	friendlyName: string;
	active: boolean;
	/** Where calls without Url or Texml, and incoming calls, fetch their TeXML. */
	voiceUrl?: string;
	voiceMethod: 'get' | 'post';
	/** Asked when the Voice URL (or an action URL) fails: an error, not TeXML, or no answer in time. */
	voiceFallbackUrl?: string;
	/** Call progress events of incoming calls. */
	statusCallback?: string;
	statusCallbackMethod: 'get' | 'post';
	firstCommandTimeout: boolean;
	/** How long Telnyx waits for the TeXML (documented default 30 s). */
	firstCommandTimeoutSecs: number;
	anchorsiteOverride: string;
	dtmfType: string;
	callCostInWebhooks: boolean;
	tags: string[];
	inbound: {
		channelLimit?: number;
		shakenStirEnabled: boolean;
		sipSubdomain?: string;
		sipSubdomainReceiveSettings: string;
	};
	outbound: { channelLimit?: number; outboundVoiceProfileId?: string };
	createdAt: Date;
	updatedAt: Date;
}

/** A new application with the document's defaults for everything not given. */
export function newApplication(
	accountSid: string,
	app: Partial<TexmlApplication>,
	ordinal: number,
): TexmlApplication {
	const now = new Date();
	return {
		id: app.id ?? `1${String(randomInt(1e9, 2 ** 47)).padStart(15, '0')}${randomInt(100, 999)}`,
		accountSid,
		friendlyName: app.friendlyName ?? `texml-app-${ordinal}`,
		active: app.active ?? true,
		voiceUrl: app.voiceUrl,
		voiceMethod: app.voiceMethod ?? 'post',
		voiceFallbackUrl: app.voiceFallbackUrl,
		statusCallback: app.statusCallback,
		statusCallbackMethod: app.statusCallbackMethod ?? 'post',
		firstCommandTimeout: app.firstCommandTimeout ?? false,
		firstCommandTimeoutSecs: app.firstCommandTimeoutSecs ?? 30,
		anchorsiteOverride: app.anchorsiteOverride ?? 'Latency',
		dtmfType: app.dtmfType ?? 'RFC 2833',
		callCostInWebhooks: app.callCostInWebhooks ?? false,
		tags: app.tags ?? [],
		inbound: {
			shakenStirEnabled: false,
			sipSubdomainReceiveSettings: 'from_anyone',
			...app.inbound,
		},
		outbound: { ...app.outbound },
		createdAt: app.createdAt ?? now,
		updatedAt: app.updatedAt ?? now,
	};
}

/**
 * Telnyx's TexmlApplication, every key of the document's example. Keys whose documented default is
 * `null` (status_callback, voice_fallback_url, the channel limits, sip_subdomain) are `null` when
 * unset; so is the Voice URL of an application made without the API (the API requires one).
 */
export function applicationResource(app: TexmlApplication) {
	return {
		active: app.active,
		anchorsite_override: app.anchorsiteOverride,
		call_cost_in_webhooks: app.callCostInWebhooks,
		created_at: app.createdAt.toISOString(),
		dtmf_type: app.dtmfType,
		first_command_timeout: app.firstCommandTimeout,
		first_command_timeout_secs: app.firstCommandTimeoutSecs,
		friendly_name: app.friendlyName,
		id: app.id,
		inbound: {
			channel_limit: app.inbound.channelLimit ?? null,
			shaken_stir_enabled: app.inbound.shakenStirEnabled,
			sip_subdomain: app.inbound.sipSubdomain ?? null,
			sip_subdomain_receive_settings: app.inbound.sipSubdomainReceiveSettings,
		},
		outbound: {
			channel_limit: app.outbound.channelLimit ?? null,
			outbound_voice_profile_id: app.outbound.outboundVoiceProfileId ?? null,
		},
		record_type: 'texml_application',
		status_callback: app.statusCallback ?? null,
		status_callback_method: app.statusCallbackMethod,
		tags: app.tags,
		updated_at: app.updatedAt.toISOString(),
		voice_fallback_url: app.voiceFallbackUrl ?? null,
		voice_method: app.voiceMethod,
		voice_url: app.voiceUrl ?? null,
	};
}

type Rule =
	| 'string'
	| 'boolean'
	| 'integer'
	| 'url'
	| 'tags'
	| { oneOf: string[] }
	| { object: Record<string, Rule> };

/** CreateTexmlApplicationRequest and UpdateTexmlApplicationRequest: the same keys and types. */
const BODY: Record<string, Rule> = {
	active: 'boolean',
	anchorsite_override: { oneOf: ANCHORSITES },
	call_cost_in_webhooks: 'boolean',
	dtmf_type: { oneOf: DTMF_TYPES },
	first_command_timeout: 'boolean',
	first_command_timeout_secs: 'integer',
	friendly_name: 'string',
	inbound: {
		object: {
			channel_limit: 'integer',
			shaken_stir_enabled: 'boolean',
			sip_subdomain: 'string',
			sip_subdomain_receive_settings: { oneOf: RECEIVE },
		},
	},
	outbound: { object: { channel_limit: 'integer', outbound_voice_profile_id: 'string' } },
	status_callback: 'url',
	status_callback_method: { oneOf: ['get', 'post'] },
	tags: 'tags',
	voice_fallback_url: 'url',
	voice_method: { oneOf: ['get', 'post'] },
	voice_url: 'url',
};

/** Keys whose documented default is `null`: sending `null` clears them. */
const CLEARABLE = new Set([
	'status_callback',
	'voice_fallback_url',
	'inbound.channel_limit',
	'inbound.sip_subdomain',
	'outbound.channel_limit',
	'outbound.outbound_voice_profile_id',
]);

const error = (code: string, title: string, pointer: string, detail: string) =>
	new HttpError(422, [{ code, title, detail, source: { pointer } }]);

function check(body: Record<string, unknown>, rules: Record<string, Rule>, at: string) {
	for (const [key, value] of Object.entries(body)) {
		const name = `${at}${key}`;
		const pointer = `/${name.replace('.', '/')}`;
		const rule = rules[key];
		if (rule === undefined)
			throw error('10015', 'Invalid parameter', pointer, `${name} is not a known parameter.`);
		if (value === null && CLEARABLE.has(name)) continue;
		const type = (t: string) =>
			error(
				'10026',
				'Invalid parameter type',
				pointer,
				`The '${name}' parameter must be of type '${t}'`,
			);
		if (rule === 'boolean' && typeof value !== 'boolean') throw type('boolean');
		if (rule === 'integer' && !Number.isInteger(value)) throw type('integer');
		if ((rule === 'string' || rule === 'url') && typeof value !== 'string') throw type('string');
		if (rule === 'url' && !/^https?:\/\/[^/\s]+/.test(value as string))
			throw error(
				'10015',
				'Invalid parameter',
				pointer,
				`${name} must be an absolute http(s) URL.`,
			);
		if (rule === 'tags' && !(Array.isArray(value) && value.every((t) => typeof t === 'string')))
			throw type('array of strings');
		if (typeof rule === 'object' && 'oneOf' in rule && !rule.oneOf.includes(value as string))
			throw error(
				'10032',
				'Invalid enumerated value',
				pointer,
				`${name} must be one of ${rule.oneOf.join(', ')}`,
			);
		if (typeof rule === 'object' && 'object' in rule) {
			if (!value || typeof value !== 'object' || Array.isArray(value)) throw type('object');
			check(value as Record<string, unknown>, rule.object, `${name}.`);
		}
	}
}

/**
 * Checks a create or update body as Telnyx does (422 naming the field; friendly_name and voice_url
 * required by both, as the document declares) and turns it into application fields.
 */
export function readApplicationBody(json: unknown): Partial<TexmlApplication> {
	if (!json || typeof json !== 'object' || Array.isArray(json))
		throw error('10015', 'Invalid parameter', '/', 'The request body must be a JSON object.');
	const body = json as Record<string, any>;
	check(body, BODY, '');
	for (const key of ['friendly_name', 'voice_url'])
		if (typeof body[key] !== 'string' || !body[key].trim())
			throw error('10004', 'Missing required parameter', `/${key}`, `Can't be blank: ${key}`);
	const fields: Partial<TexmlApplication> = {
		friendlyName: body.friendly_name,
		voiceUrl: body.voice_url,
	};
	const set = <K extends keyof TexmlApplication>(key: K, value: unknown) => {
		if (value !== undefined) fields[key] = (value ?? undefined) as TexmlApplication[K];
	};
	set('active', body.active);
	set('anchorsiteOverride', body.anchorsite_override);
	set('callCostInWebhooks', body.call_cost_in_webhooks);
	set('dtmfType', body.dtmf_type);
	set('firstCommandTimeout', body.first_command_timeout);
	set('firstCommandTimeoutSecs', body.first_command_timeout_secs);
	set('statusCallback', body.status_callback);
	set('statusCallbackMethod', body.status_callback_method);
	set('tags', body.tags);
	set('voiceFallbackUrl', body.voice_fallback_url);
	set('voiceMethod', body.voice_method);
	const { inbound, outbound } = body;
	if (inbound) {
		fields.inbound = {} as TexmlApplication['inbound'];
		if ('channel_limit' in inbound)
			fields.inbound.channelLimit = inbound.channel_limit ?? undefined;
		if ('shaken_stir_enabled' in inbound)
			fields.inbound.shakenStirEnabled = inbound.shaken_stir_enabled;
		if ('sip_subdomain' in inbound)
			fields.inbound.sipSubdomain = inbound.sip_subdomain ?? undefined;
		if ('sip_subdomain_receive_settings' in inbound)
			fields.inbound.sipSubdomainReceiveSettings = inbound.sip_subdomain_receive_settings;
	}
	if (outbound) {
		fields.outbound = {};
		if ('channel_limit' in outbound)
			fields.outbound.channelLimit = outbound.channel_limit ?? undefined;
		if ('outbound_voice_profile_id' in outbound)
			fields.outbound.outboundVoiceProfileId = outbound.outbound_voice_profile_id ?? undefined;
	}
	return fields;
}

/** A PATCH: the keys given replace the application's (nested objects key by key). */
export function updateApplication(app: TexmlApplication, fields: Partial<TexmlApplication>) {
	const { inbound, outbound, ...rest } = fields;
	Object.assign(app, rest);
	if (inbound) Object.assign(app.inbound, inbound);
	if (outbound) Object.assign(app.outbound, outbound);
	app.updatedAt = new Date();
}
