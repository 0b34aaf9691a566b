import { notFound, type Reply } from '../http';
import { page } from '../paging';
import { transcriptionResource } from '../resources';
import { accountOf, ACCOUNT, ok, route, type RouteContext } from './common';

function transcriptionOf(ctx: RouteContext) {
	const account = accountOf(ctx);
	const transcription = ctx.store.transcription(account.sid, ctx.params.transcriptionSid);
	if (!transcription) throw notFound();
	return transcription;
}

/** `GET …/Transcriptions.json`: newest first; only PageToken and PageSize, as documented. */
function listTranscriptions(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const transcriptions = ctx.store.transcriptions
		.filter((t) => t.accountSid === account.sid)
		.sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())
		.map(transcriptionResource);
	return ok(
		page('transcriptions', transcriptions, {
			path: `/v2/texml/Accounts/${account.sid}/Transcriptions.json`,
			query: ctx.query,
			defaultPageSize: ctx.pageSize,
			withPrevious: true,
		}),
	);
}

const TRANSCRIPTION = `${ACCOUNT}/Transcriptions/:transcriptionSid`;

export const transcriptionRoutes = [
	route('GET', `${ACCOUNT}/Transcriptions.json`, listTranscriptions),
	route('GET', TRANSCRIPTION, (ctx) => ok(transcriptionResource(transcriptionOf(ctx)))),
	route('DELETE', TRANSCRIPTION, (ctx) => {
		const transcription = transcriptionOf(ctx);
		ctx.store.transcriptions = ctx.store.transcriptions.filter((t) => t !== transcription);
		return { status: 204 };
	}),
];
