import type { INodeProperties } from 'n8n-workflow';

/** A queue, by its SID: from Create or Get Many, or QueueSid of an Enqueue action callback. */
export const queueSidField: INodeProperties = {
	displayName: 'Queue SID',
	name: 'queueSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 9a8b7c6d-1e2f-4a3b-8c9d-0e1f2a3b4c5d',
	description: 'The queue’s SID: sid from Create or Get Many',
};

export const maxSizeField: INodeProperties = {
	displayName: 'Max Size',
	name: 'maxSize',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 100,
	description: 'How many calls the queue holds at most; Enqueue fails for the next caller',
	routing: { send: { type: 'body', property: 'MaxSize' } },
};
