import {
	applicationResource,
	readApplicationBody,
	updateApplication,
	type TexmlApplication,
} from '../applications';
import { HttpError, type Reply } from '../http';
import { ok, route, type RouteContext } from './common';

/** Telnyx's TeXML Applications API: list, create, get, update (PATCH), delete; JSON bodies. */

const APPLICATIONS = 'texml_applications';
const APPLICATION = `${APPLICATIONS}/:id`;

/** Telnyx's ErrorResponse for a query parameter: the parameter is named in `detail` (no `source`). */
const badRequest = (detail: string) =>
	new HttpError(400, [{ code: '10015', title: 'Bad Request', detail }]);

/** NotFoundResponseApp, as the document's example shows it. */
const notFound = () =>
	new HttpError(404, [
		{
			code: '10005',
			title: 'Resource not found',
			detail: 'The requested resource or URL could not be found.',
			source: { pointer: '/' },
		},
	]);

/** `GET /texml_applications`: JSON:API pages (`page[number]`, `page[size]`), filters, sort. */
function list(ctx: RouteContext): Reply {
	const { query } = ctx;
	const whole = (name: string, fallback: number, min: number, max: number) => {
		const text = query.get(name);
		if (text === null) return fallback;
		const n = Number(text);
		if (!/^\d+$/.test(text) || n < min || n > max)
			throw badRequest(`${name} must be a whole number from ${min} to ${max}.`);
		return n;
	};
	const number = whole('page[number]', 1, 1, 1_000_000);
	const size = whole('page[size]', 250, 1, 250);
	const name = query.get('filter[friendly_name]');
	if (name !== null && name.length < 3)
		throw badRequest('filter[friendly_name] requires at least three characters.');
	const profile = query.get('filter[outbound_voice_profile_id]');
	// Without `sort`, newest first, as the document describes.
	const sort = query.get('sort') ?? '-created_at';
	const sortKey = sort.replace(/^-/, '');
	if (!['created_at', 'friendly_name', 'active'].includes(sortKey))
		throw badRequest(
			'sort must be created_at, friendly_name or active, optionally with a - prefix.',
		);
	const value = (a: ReturnType<typeof applicationResource>) => String(a[sortKey as 'created_at']);
	const apps = ctx.store.calls.applications
		.filter((a) => a.accountSid === ctx.account.sid)
		.filter((a) => name === null || a.friendlyName.toLowerCase().includes(name.toLowerCase()))
		.filter((a) => profile === null || a.outbound.outboundVoiceProfileId === profile)
		.map(applicationResource)
		.sort((a, b) => value(a).localeCompare(value(b)) * (sort.startsWith('-') ? -1 : 1));
	return ok({
		data: apps.slice((number - 1) * size, number * size),
		meta: {
			page_number: number,
			page_size: size,
			total_pages: Math.max(1, Math.ceil(apps.length / size)),
			total_results: apps.length,
		},
	});
}

function applicationOf(ctx: RouteContext): TexmlApplication {
	const app = ctx.store.calls.application(ctx.account.sid, ctx.params.id);
	if (!app) throw notFound();
	return app;
}

function create(ctx: RouteContext): Reply {
	const app = ctx.store.calls.addApplication(ctx.account.sid, readApplicationBody(ctx.json));
	return { status: 201, body: { data: applicationResource(app) } };
}

function update(ctx: RouteContext): Reply {
	const app = applicationOf(ctx);
	updateApplication(app, readApplicationBody(ctx.json));
	return ok({ data: applicationResource(app) });
}

function remove(ctx: RouteContext): Reply {
	const app = applicationOf(ctx);
	const { applications } = ctx.store.calls;
	applications.splice(applications.indexOf(app), 1);
	return ok({ data: applicationResource(app) });
}

export const applicationRoutes = [
	route('GET', APPLICATIONS, list),
	route('POST', APPLICATIONS, create, 'json'),
	route('GET', APPLICATION, (ctx) => ok({ data: applicationResource(applicationOf(ctx)) })),
	route('PATCH', APPLICATION, update, 'json'),
	route('DELETE', APPLICATION, remove),
];
