import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * Recording status callbacks (`recordingStatusCallback` on a call, a dial, `<Conference>` or
 * `<Record>`) carry `RecordingStatus` and no `StatusCallbackEvent`. Telnyx's values are
 * in-progress, completed and absent; its document also calls a failed recording `failed`
 * ("synonymous" with absent), so both end as Recording Absent.
 */
export const RECORDING_EVENTS = [
	'recording-absent',
	'recording-completed',
	'recording-in-progress',
] as const;

export type RecordingEvent = (typeof RECORDING_EVENTS)[number];

const BY_STATUS: Record<string, RecordingEvent> = {
	absent: 'recording-absent',
	failed: 'recording-absent',
	completed: 'recording-completed',
	'in-progress': 'recording-in-progress',
};

export const recordingEventOptions: INodePropertyOptions[] = [
	{
		name: 'Recording Absent',
		value: 'recording-absent',
		description: 'A recording failed or was not made (RecordingStatus absent or failed)',
	},
	{
		name: 'Recording Completed',
		value: 'recording-completed',
		description:
			'A recording is ready: RecordingSid, RecordingUrl (valid about 10 minutes) and RecordingDuration',
	},
	{
		name: 'Recording In Progress',
		value: 'recording-in-progress',
		description: 'A recording started (RecordingStatus in-progress)',
	},
];

/** The recording event of a callback, or undefined when it is not a recording callback. */
export function recordingEventOf(body: IDataObject): RecordingEvent | 'unknown' | undefined {
	if (typeof body.StatusCallbackEvent === 'string' && body.StatusCallbackEvent !== '')
		return undefined;
	if (typeof body.RecordingStatus !== 'string') return undefined;
	return BY_STATUS[body.RecordingStatus.trim().toLowerCase()] ?? 'unknown';
}
