import { checkForm, type FieldRule } from '../fields';
import { invalid } from '../http';
import { page } from '../paging';
import { conferenceResource } from '../resources';
import {
	accountOf,
	conferenceOf,
	CONFERENCE,
	CONFERENCES,
	ok,
	route,
	type RouteContext,
} from './common';

const STATUSES = ['init', 'in-progress', 'completed'];
const DATE_FILTER = /^(<=|>=|<|>)?(\d{4}-\d{2}-\d{2})$/;

/** Telnyx's date filters: `2023-05-22`, or with an operator such as `>=2023-05-22` (whole UTC days). */
export function dateMatcher(name: string, value: string | null) {
	if (value === null) return () => true;
	const match = DATE_FILTER.exec(value);
	if (!match || Number.isNaN(Date.parse(`${match[2]}T00:00:00Z`))) {
		throw invalid(name, `${name} must be a date as YYYY-MM-DD, optionally after <, <=, > or >=.`);
	}
	const [, operator = '=', day] = match;
	return (date: Date) => {
		const d = date.toISOString().slice(0, 10);
		return operator === '<'
			? d < day
			: operator === '<='
				? d <= day
				: operator === '>'
					? d > day
					: operator === '>='
						? d >= day
						: d === day;
	};
}

function listConferences(ctx: RouteContext) {
	const account = accountOf(ctx);
	const { query } = ctx;
	const status = query.get('Status');
	if (status !== null && !STATUSES.includes(status)) {
		throw invalid('Status', `Status must be one of ${STATUSES.join(', ')}.`);
	}
	const created = dateMatcher('DateCreated', query.get('DateCreated'));
	const updated = dateMatcher('DateUpdated', query.get('DateUpdated'));
	const name = query.get('FriendlyName');
	const filters: Record<string, string> = {};
	for (const key of ['FriendlyName', 'Status', 'DateCreated', 'DateUpdated']) {
		const value = query.get(key);
		if (value !== null) filters[key] = value;
	}
	const conferences = ctx.store.conferences
		.filter((c) => c.accountSid === account.sid)
		.filter(
			(c) => (name === null || c.friendlyName === name) && (status === null || c.status === status),
		)
		.filter((c) => created(c.dateCreated) && updated(c.dateUpdated))
		// Newest first, as the Telnyx console lists them.
		.sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())
		.map(conferenceResource);
	return ok(
		page('conferences', conferences, {
			path: `/v2/texml/Accounts/${account.sid}/Conferences.json`,
			query,
			defaultPageSize: ctx.pageSize,
			filters,
		}),
	);
}

const UPDATE_CONFERENCE: Record<string, FieldRule> = {
	AnnounceMethod: 'method',
	AnnounceUrl: 'url',
	Status: 'text',
};

function updateConference(ctx: RouteContext) {
	const conference = conferenceOf(ctx);
	const { form } = ctx;
	checkForm(form, UPDATE_CONFERENCE);
	if (form.Status !== undefined && form.Status !== 'completed') {
		throw invalid('Status', 'Status can only be set to completed.');
	}
	if (form.AnnounceUrl) {
		if (conference.status === 'completed')
			throw invalid('AnnounceUrl', 'The conference has already ended.');
		conference.announcements.push({ url: form.AnnounceUrl, method: form.AnnounceMethod ?? 'POST' });
		conference.dateUpdated = new Date();
	}
	if (form.Status === 'completed') ctx.store.endConference(conference);
	return ok(conferenceResource(conference));
}

export const conferenceRoutes = [
	route('GET', CONFERENCES, listConferences),
	route('GET', CONFERENCE, (ctx) => ok(conferenceResource(conferenceOf(ctx)))),
	route('POST', CONFERENCE, updateConference),
];
