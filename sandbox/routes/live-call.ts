import { isLive } from '../calls';
import { HttpError, notFound } from '../http';
import { accountOf, type RouteContext } from './common';

/** A call of the account that is still live, for what starts on it (streams, SIPREC sessions). */
export function liveCallOf(ctx: RouteContext): string {
	const account = accountOf(ctx);
	const sid = ctx.params.callSid;
	const placed = ctx.store.calls.find(account.sid, sid);
	if (placed && !isLive(placed)) throw callEnded();
	if (!ctx.store.isLiveCall(account.sid, sid)) throw notFound();
	return sid;
}

/** Telnyx's answer to a command for a call that has ended. */
export const callEnded = () =>
	new HttpError(422, [
		{
			code: '90018',
			title: 'Call has already ended',
			detail: 'This call is no longer active and can\u2019t receive commands.',
		},
	]);
