import { bool, checkForm, type FieldRule } from '../fields';
import { invalid, notFound, type Reply } from '../http';
import { page } from '../paging';
import { callRecordingStartResource } from '../resources';
import { accountOf, ACCOUNT, ok, route, type RouteContext } from './common';
import { recordingAnswer } from './recordings';

/**
 * Recordings of a call, as Telnyx's REST API has them: start, pause/resume/stop, list. A call is any live call the
 * store knows: a conference participant's, or one another source (REST calls) adds.
 */

const CALL = `${ACCOUNT}/Calls/:callSid`;

const START: Record<string, FieldRule> = {
	PlayBeep: 'boolean',
	RecordingChannels: { oneOf: ['single', 'dual'] },
	RecordingStatusCallback: 'url',
	RecordingStatusCallbackEvent: { words: ['in-progress', 'completed', 'absent'] },
	RecordingStatusCallbackMethod: 'method',
	RecordingTrack: { oneOf: ['inbound', 'outbound', 'both'] },
	SendRecordingUrl: 'boolean',
};

function liveCall(ctx: RouteContext): string {
	const account = accountOf(ctx);
	if (!ctx.store.isLiveCall(account.sid, ctx.params.callSid)) throw notFound();
	return ctx.params.callSid;
}

function startRecording(ctx: RouteContext): Reply {
	const callSid = liveCall(ctx);
	const { form } = ctx;
	checkForm(form, START);
	const running = ctx.store.recordings.some(
		(r) =>
			r.callSid === callSid &&
			r.conferenceSid === null &&
			(r.status === 'processing' || r.status === 'paused'),
	);
	if (running) throw invalid('CallSid', 'The call is already being recorded.');
	const recording = ctx.store.startCallRecording(ctx.account.sid, callSid, {
		channels: form.RecordingChannels === 'single' ? 1 : 2,
		track: (form.RecordingTrack ?? 'both') as 'inbound' | 'outbound' | 'both',
		callback: form.RecordingStatusCallback
			? {
					url: form.RecordingStatusCallback,
					method: (form.RecordingStatusCallbackMethod ?? 'POST') as 'GET' | 'POST',
					events: (form.RecordingStatusCallbackEvent ?? 'completed').split(' '),
				}
			: undefined,
	});
	if (bool(form.SendRecordingUrl) === false) recording.sendUrl = false;
	return ok(callRecordingStartResource(recording));
}

function updateRecording(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const recording = ctx.store.recording(account.sid, ctx.params.recordingSid);
	if (!recording || recording.callSid !== ctx.params.callSid) throw notFound();
	checkForm(ctx.form, { Status: { oneOf: ['in-progress', 'paused', 'stopped'] } });
	const status = ctx.form.Status;
	if (status === undefined) throw invalid('Status', 'Status is required.');
	if (recording.status !== 'processing' && recording.status !== 'paused')
		throw invalid('Status', 'The recording has already ended.');
	if (status === 'stopped') ctx.store.finishRecording(recording, 'completed', true);
	else {
		recording.status = status === 'paused' ? 'paused' : 'processing';
		recording.dateUpdated = new Date();
	}
	return ok(callRecordingStartResource(recording));
}

function listCallRecordings(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const callSid = ctx.params.callSid;
	const recordings = ctx.store.recordings.filter(
		(r) => r.accountSid === account.sid && r.callSid === callSid,
	);
	if (recordings.length === 0 && !ctx.store.isLiveCall(account.sid, callSid)) throw notFound();
	return ok(
		page(
			'recordings',
			recordings.map((r) => recordingAnswer(ctx, r)),
			{
				path: `/v2/texml/Accounts/${account.sid}/Calls/${callSid}/Recordings.json`,
				query: ctx.query,
				defaultPageSize: ctx.pageSize,
				withPrevious: true,
			},
		),
	);
}

export const callRecordingRoutes = [
	route('GET', `${CALL}/Recordings.json`, listCallRecordings),
	route('POST', `${CALL}/Recordings.json`, startRecording),
	route('POST', `${CALL}/Recordings/:recordingSid`, updateRecording),
];
