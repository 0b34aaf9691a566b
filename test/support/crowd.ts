import type { Conference } from '../../sandbox';
import { updateParticipant, type World } from './fixtures';

/** A conference of `count` participants labelled p0, p1, …, and one input item per participant. */
export function crowd(world: World, count: number) {
	const conference = world.sandbox.store.addConference(world.sandbox.account.sid, {
		friendlyName: 'webinar',
		participants: Array.from({ length: count }, (_, i) => ({ label: `p${i}` })),
	});
	const items = conference.participants.map((p) => ({ json: { label: p.label } }));
	return { conference, items };
}

/** Mutes every participant of the crowd, one item each. */
export function muteAll(
	world: World,
	conference: Conference,
	items: Array<{ json: { label?: string } }>,
	sending = {},
) {
	return updateParticipant(
		world,
		{
			conferenceSid: { __rl: true, mode: 'id', value: conference.sid },
			participant: { __rl: true, mode: 'id', value: '={{ $json.label }}' },
			updateFields: { muted: true },
			sending,
		},
		{ items, continueOnFail: true },
	);
}
