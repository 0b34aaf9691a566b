import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The fields kept per resource when Simplify is on: what a person or an AI model needs to act
 * (a Telnyx participant has about 20 fields, most of them URIs and account data).
 * A field Telnyx did not send stays absent rather than becoming null.
 */
export const SIMPLIFIED_FIELDS: Record<string, { listKey: string; fields: string[] }> = {
	call: {
		listKey: 'calls',
		fields: [
			'call_sid',
			'sid',
			'status',
			'from',
			'to',
			'direction',
			'start_time',
			'end_time',
			'duration',
			'answered_by',
		],
	},
	conference: {
		listKey: 'conferences',
		fields: ['sid', 'friendly_name', 'status', 'date_created', 'date_updated'],
	},
	conferenceParticipant: {
		listKey: 'participants',
		fields: ['call_sid', 'muted', 'hold', 'coaching', 'coaching_call_sid', 'status'],
	},
	conferenceRecording: {
		listKey: 'recordings',
		fields: ['sid', 'status', 'duration', 'media_url'],
	},
	recording: {
		listKey: 'recordings',
		fields: [
			'sid',
			'status',
			'duration',
			'channels',
			'call_sid',
			'conference_sid',
			'date_created',
			'media_url',
		],
	},
	callRecording: {
		listKey: 'recordings',
		fields: ['sid', 'call_sid', 'status', 'channels', 'duration', 'track', 'media_url'],
	},
	transcription: {
		listKey: 'transcriptions',
		fields: ['sid', 'status', 'recording_sid', 'transcription_text'],
	},
	aiCall: { listKey: 'calls', fields: ['call_sid', 'status', 'from', 'to'] },
	callStream: { listKey: 'streams', fields: ['sid', 'call_sid', 'name', 'status'] },
	callSiprec: { listKey: 'siprec', fields: ['sid', 'call_sid', 'status', 'track', 'start_time'] },
	queue: {
		listKey: 'queues',
		fields: ['sid', 'friendly_name', 'current_size', 'max_size', 'average_wait_time'],
	},
	texmlApplication: {
		listKey: 'data',
		fields: ['id', 'friendly_name', 'active', 'voice_url', 'voice_method', 'status_callback'],
	},
};

/** Top-level node parameter; off by default so existing workflows keep their output. */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	// Every operation returns a Telnyx resource except Delete and storing a secret, whose output is
	// the node's own summary.
	displayOptions: { hide: { operation: ['delete'], resource: ['texmlSecret'] } },
};

function pick(record: unknown, fields: string[]): IDataObject {
	if (!record || typeof record !== 'object' || Array.isArray(record)) return record as IDataObject;
	const source = record as IDataObject;
	const kept: IDataObject = {};
	for (const field of fields) if (field in source) kept[field] = source[field];
	return kept;
}

/**
 * postReceive of every resource-returning operation. A list page keeps its envelope (the pager
 * reads `next_page_uri` from it) and each record in it is simplified.
 */
export async function simplifyResponse(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', false);
	// An expression (e.g. one a model fills in) may give the text "true".
	if (simplify !== true && String(simplify).trim().toLowerCase() !== 'true') return items;
	const shape = SIMPLIFIED_FIELDS[this.getNodeParameter('resource', '') as string];
	if (!shape) return items;
	return items.map((item) => {
		const list = item.json[shape.listKey];
		const json = Array.isArray(list)
			? { ...item.json, [shape.listKey]: list.map((record) => pick(record, shape.fields)) }
			: pick(item.json, shape.fields);
		return { ...item, json };
	});
}
