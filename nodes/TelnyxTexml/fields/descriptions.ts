import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { httpMethodOptions } from '../../shared/mediaFields';

/** A resource's Operation selector: its operations, shown for that resource only. */
export const operationField = (
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation: string,
): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [resource] } },
	options,
	default: defaultOperation,
});

/** The account of every path below `/texml/Accounts/{account_sid}`: one parameter for all resources. */
export const accountSidField: INodeProperties = {
	displayName: 'Account SID',
	name: 'accountSid',
	type: 'string',
	default: '',
	placeholder: 'e.g. 4e71926f-8f13-450e-b91c-23c2ef786aa6',
	description: 'The TeXML account: the organization ID of the API key’s Telnyx account',
	hint: 'Leave empty to use the account of the API key (looked up once per execution), or enter the AccountSid found in any TeXML callback',
};

export const conferenceField: INodeProperties = {
	displayName: 'Conference',
	name: 'conferenceSid',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The conference, picked from the list or identified by its SID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a conference...',
			typeOptions: { searchListMethod: 'searchConferences', searchable: true },
		},
		{
			displayName: 'By SID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
		},
	],
};

export const participantField: INodeProperties = {
	displayName: 'Participant',
	name: 'participant',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The participant, picked from the conference or identified by its call SID or by the label it was given when it joined',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a participant...',
			typeOptions: { searchListMethod: 'searchParticipants', searchable: true },
		},
		{
			displayName: 'By Call SID or Label',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
		},
	],
};

/** A recording, by its SID (plain text: Telnyx has no picker-friendly list of them). */
export const recordingSidField: INodeProperties = {
	displayName: 'Recording SID',
	name: 'recordingSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. b08f0fa1-a32c-4218-b3b5-9cf78941ccac',
	description:
		'The recording’s SID: RecordingSid of the trigger’s recording events, or sid from Get Many or Call Recording → Start',
};

/** The two ends of a new call: Call → Create, the dial of Conference Participant → Create, AI calls. */
export const fromField: INodeProperties = {
	displayName: 'From',
	name: 'from',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +13125550100',
	description: 'The caller number (E.164) the called party sees: a number of the Telnyx account',
	routing: { send: { type: 'body', property: 'From' } },
};

export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. +13125550123',
	description: 'The phone number (E.164) or SIP URI to call',
	routing: { send: { type: 'body', property: 'To' } },
};

export const transcriptionSidField: INodeProperties = {
	displayName: 'Transcription SID',
	name: 'transcriptionSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 9a3f2c1d-5b7e-4c2a-8f61-0d4e6b8a2c1f',
	description: 'The transcription’s SID, from Get Many (its recording_sid names the recording)',
};

/** The two methods Telnyx accepts for every `…Method` field (how it fetches a URL or calls back). */
export { httpMethodOptions };

/** Return All / Limit of a list operation; pagination.ts reads them. */
export function listFields(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** A list's Return All and Limit, then its Filters: each filter sent in the query only when added. */
export function listWithFilters(
	show: Record<string, string[]>,
	filters: INodeProperties[],
): INodeProperties[] {
	return [
		...listFields(show),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show },
			options: filters,
		},
	];
}

/** Announce Method and Announce URL: what Telnyx plays, to one participant or to the whole conference. */
export function announceFields(audience: string): INodeProperties[] {
	return [
		{
			displayName: 'Announce Method',
			name: 'announceMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses to fetch the Announce URL',
			routing: { send: { type: 'body', property: 'AnnounceMethod' } },
		},
		{
			displayName: 'Announce URL',
			name: 'announceUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/announce.xml',
			description: `Audio (MP3, WAV) or a TeXML document with Play, Say, Pause or Redirect to play to ${audience}`,
			routing: { send: { type: 'body', property: 'AnnounceUrl' } },
		},
	];
}

/**
 * The routing of a field sent in the request body under `property`; none where the node writes
 * the field itself (into TeXML). Spread into a shared field's definition.
 */
export const sentAs = (property?: string) =>
	property === undefined ? {} : { routing: { send: { type: 'body' as const, property } } };
