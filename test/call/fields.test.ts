/**
 * The stored parameters of Call Create, Call Redirect and Call Recording Start, as saved workflows
 * hold them, and everything the panel shows of them. fields.before.json was taken from the node
 * before their fields were shared with Dial (and, in `full`, the lists of calls, conferences and
 * recordings before their filters were); it must not change.
 */
import { callDescription } from '../../nodes/TelnyxTexml/resources/call';
import { getAllDescription as callGetAll } from '../../nodes/TelnyxTexml/resources/call/getAll';
import { startDescription } from '../../nodes/TelnyxTexml/resources/callRecording/start';
import { getAllDescription as conferenceGetAll } from '../../nodes/TelnyxTexml/resources/conference/getAll';
import { createDescription as dialDescription } from '../../nodes/TelnyxTexml/resources/conferenceParticipant/create';
import { updateDescription as participantUpdateDescription } from '../../nodes/TelnyxTexml/resources/conferenceParticipant/update';
import { getAllDescription as recordingGetAll } from '../../nodes/TelnyxTexml/resources/recording/getAll';
import { fieldList } from '../support/field-list';
import before from './fields.before.json';

/** The parameters of the Call resource that Create or Redirect show. */
function callFieldsOf(operation: string) {
	return callDescription.filter((p) => {
		const shown = p.displayOptions?.show;
		return (
			p.name !== 'operation' &&
			(shown?.operation === undefined || (shown.operation as string[]).includes(operation))
		);
	});
}

function now() {
	const lists = {
		create: callFieldsOf('create'),
		redirect: callFieldsOf('redirect'),
		start: startDescription,
	};
	return {
		create: fieldList(lists.create),
		redirect: fieldList(lists.redirect),
		start: fieldList(lists.start),
		// Everything else the panel shows: labels, descriptions, placeholders, limits, conditions, routing.
		full: JSON.parse(
			JSON.stringify({
				...lists,
				dial: dialDescription,
				participantUpdate: participantUpdateDescription,
				callGetAll,
				conferenceGetAll,
				recordingGetAll,
			}),
		),
	};
}

test('every Create, Redirect and Call Recording Start parameter keeps its path, name, type, default, options and Telnyx name', () => {
	const { create, redirect, start } = now();
	expect({ create, redirect, start }).toEqual({
		create: before.create,
		redirect: before.redirect,
		start: before.start,
	});
	expect(create.length).toBeGreaterThan(50);
	expect(start.map((e) => e.path)).toContain('options.recordingTrack');
});

/**
 * The intended changes: where Create (or Join Conference) and Dial worded the same field
 * differently, both now show the wording correct for both (each field is defined once), as does the
 * one Account SID of every resource; and the
 * Dial's Machine Detection Silence Timeout now says what Telnyx's document says.
 */
const REWORDED: Record<string, string> = {
	'Whether the recording has one channel or one per side':
		'Whether the call recording has one channel or one per side',
	'Whether silence at the start and end of the recording is removed':
		'Whether silence at the start and end of the call recording is removed',
	'Whether a beep plays when the participant joins or leaves':
		'Whether the others hear a beep when this participant joins or leaves',
	'The password for SIP authentication when dialing a SIP URI':
		'The password for SIP authentication when calling a SIP URI',
	'The username for SIP authentication when dialing a SIP URI':
		'The username for SIP authentication when calling a SIP URI',
	// Telnyx: "If initial silence duration is greater than this value, consider it a machine."
	'Milliseconds of silence after which the call counts as answered by a person':
		'Milliseconds of initial silence after which the call counts as a machine',
	// One Account SID, From and To for every resource (the node's parameters are walked per item).
	'The TeXML account the call belongs to: the organization ID of the API key’s Telnyx account':
		'The TeXML account: the organization ID of the API key’s Telnyx account',
	'The caller number (E.164) the new participant sees: a number of the Telnyx account':
		'The caller number (E.164) the called party sees: a number of the Telnyx account',
	'The phone number (E.164) or SIP URI to call into the conference':
		'The phone number (E.164) or SIP URI to call',
};

/** `value` with each reworded description replaced; counts the replacements in `used`. */
function reworded(value: unknown, used: Set<string>): unknown {
	if (Array.isArray(value)) return value.map((v) => reworded(v, used));
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, v]) => {
			if (key === 'description' && typeof v === 'string' && REWORDED[v] !== undefined) {
				used.add(v);
				return [key, REWORDED[v]];
			}
			return [key, reworded(v, used)];
		}),
	);
}

test('the panel shows the same labels, descriptions, placeholders and limits as before, Dial, Update and the lists of calls, conferences and recordings included', () => {
	const used = new Set<string>();
	expect(now().full).toEqual(reworded(before.full, used));
	expect([...used].sort()).toEqual(Object.keys(REWORDED).sort());
});
