import { randomUUID } from 'node:crypto';

import { checkForm, type FieldRule } from '../fields';
import { HttpError, invalid, notFound, type Reply } from '../http';
import { page } from '../paging';
import { averageWait, DEFAULT_MAX_SIZE, type Queue } from '../queues';
import { rfc2822 } from '../store';
import { dateMatcher } from './conferences';
import { ACCOUNT, accountOf, ok, route, type RouteContext } from './common';

/** Telnyx's Queues API: GetTexmlQueues, CreateTexmlQueue, GetTexmlQueue, UpdateTexmlQueue, DeleteTexmlQueue. */

const QUEUES = `${ACCOUNT}/Queues`;
const QUEUE = `${QUEUES}/:queueSid`;

/** Whole numbers from 1; Telnyx documents no upper bound. */
const MAX_SIZE: FieldRule = { integer: [1, 2 ** 31 - 1] };

/**
 * QueueResource, every key of the document's example. Its `uri` and `subresource_uris` start at
 * `/Accounts/…`, as the example shows (the page URIs around it start at `/v2/texml/Accounts/…`).
 */
export function queueResource(queue: Queue) {
	const path = `/Accounts/${queue.accountSid}/Queues/${encodeURIComponent(queue.sid)}`;
	return {
		account_sid: queue.accountSid,
		average_wait_time: averageWait(queue),
		current_size: queue.members.length,
		date_created: rfc2822(queue.dateCreated),
		date_updated: rfc2822(queue.dateUpdated),
		max_size: queue.maxSize,
		sid: queue.sid,
		subresource_uris: { members: `${path}/Members.json` },
		uri: `${path}.json`,
	};
}

function queueOf(ctx: RouteContext): Queue {
	const account = accountOf(ctx);
	const queue = ctx.store.queues.find(account.sid, ctx.params.queueSid);
	if (!queue) throw notFound();
	return queue;
}

function listQueues(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const { query } = ctx;
	const created = dateMatcher('DateCreated', query.get('DateCreated'));
	const updated = dateMatcher('DateUpdated', query.get('DateUpdated'));
	const filters: Record<string, string> = {};
	for (const [key, value] of query) {
		if (['Page', 'PageSize', 'PageToken'].includes(key)) continue;
		if (key !== 'DateCreated' && key !== 'DateUpdated')
			throw invalid(key, `${key} is not a known parameter.`);
		filters[key] = value;
	}
	const queues = ctx.store.queues.queues
		.filter((q) => q.accountSid === account.sid)
		.filter((q) => created(q.dateCreated) && updated(q.dateUpdated))
		.map(queueResource);
	return ok(
		page('queues', queues, {
			path: `/v2/texml/Accounts/${account.sid}/Queues.json`,
			query,
			defaultPageSize: ctx.pageSize,
			filters,
		}),
	);
}

function createQueue(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const { form } = ctx;
	checkForm(form, { FriendlyName: 'text', MaxSize: MAX_SIZE });
	// The name is the queue's SID (the document's example: `my-queue`); without one, a generated one.
	const name = form.FriendlyName?.trim() || randomUUID();
	if (ctx.store.queues.find(account.sid, name))
		throw invalid('FriendlyName', `A queue named ${name} already exists.`);
	const queue = ctx.store.queues.create(
		account.sid,
		name,
		form.MaxSize === undefined ? DEFAULT_MAX_SIZE : Number(form.MaxSize),
	);
	return ok(queueResource(queue));
}

function updateQueue(ctx: RouteContext): Reply {
	const queue = queueOf(ctx);
	checkForm(ctx.form, { MaxSize: MAX_SIZE });
	if (ctx.form.MaxSize !== undefined) {
		// Calls already waiting stay; no new one joins until the queue is below its size.
		queue.maxSize = Number(ctx.form.MaxSize);
		queue.dateUpdated = new Date();
	}
	return ok(queueResource(queue));
}

function deleteQueue(ctx: RouteContext): Reply {
	const queue = queueOf(ctx);
	if (queue.members.length > 0) {
		throw new HttpError(422, [
			{
				code: '10015',
				title: 'Queue not empty',
				detail: `Queue ${queue.sid} still has ${queue.members.length} call(s) waiting; dequeue or hang them up first.`,
			},
		]);
	}
	ctx.store.queues.delete(queue);
	return { status: 204 };
}

export const queueRoutes = [
	route('GET', QUEUES, listQueues),
	route('POST', QUEUES, createQueue),
	route('GET', QUEUE, (ctx) => ok(queueResource(queueOf(ctx)))),
	route('POST', QUEUE, updateQueue),
	route('DELETE', QUEUE, deleteQueue),
];
