/**
 * The stored parameters of Dial and Update, as saved workflows hold them. fields.before.json is the
 * list taken from the node before the dial fields were written out one by one; it must not change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { createDescription } from '../../nodes/TelnyxTexml/resources/conferenceParticipant/create';
import {
	callOptions,
	conferenceOptions,
	machineDetectionOptions,
	recordingOptions,
} from '../../nodes/TelnyxTexml/resources/conferenceParticipant/dial';
import * as shared from '../../nodes/TelnyxTexml/resources/conferenceParticipant/fields';
import { updateDescription } from '../../nodes/TelnyxTexml/resources/conferenceParticipant/update';
import { fieldList, type FieldEntry } from '../support/field-list';
import before from './fields.before.json';

const RETIRED = 'machineDetectionOptions.machineDetectionBeepProfile';

test('every Dial and Update parameter keeps its path, name, type, default, options and Telnyx name', () => {
	const now = { create: fieldList(createDescription), update: fieldList(updateDescription) };
	// The one intended change: Machine Detection Beep Profile is no longer sent (Telnyx's dial lacks it).
	const expected = {
		create: (before.create as FieldEntry[]).map((entry) => {
			if (entry.path !== RETIRED) return entry;
			const { wire, ...kept } = entry;
			expect(wire).toBe('MachineDetectionBeepProfile');
			return kept;
		}),
		update: before.update,
	};
	expect(now).toEqual(expected);
	expect(now.create).toHaveLength(55);
});

/** All TypeScript source of the node, for checking what is written in it. */
function sourceOf(directory: string): string {
	return readdirSync(directory)
		.map((name) => join(directory, name))
		.map((path) =>
			statSync(path).isDirectory()
				? sourceOf(path)
				: path.endsWith('.ts')
					? readFileSync(path, 'utf8')
					: '',
		)
		.join('\n');
}

test('each stored parameter name is written out in the source, where lint and grep see it', () => {
	const source = sourceOf(join(__dirname, '../../nodes'));
	const names = [...fieldList(createDescription), ...fieldList(updateDescription)].map(
		(entry) => entry.name,
	);
	const missing = names.filter((name) => !source.includes(`name: '${name}'`));
	expect(missing).toEqual([]);
	expect(source).toContain("name: 'maxParticipants'");
});

test('the participant fields Dial and Update share are one definition each', () => {
	const updateFields = updateDescription.find((p) => p.name === 'updateFields')!.options!;
	for (const field of Object.values(shared)) {
		expect(conferenceOptions.options).toContain(field);
		expect(updateFields).toContain(field);
	}
	expect(Object.values(shared).map((f) => f.name)).toEqual([
		'callSidToCoach',
		'coaching',
		'endConferenceOnExit',
		'muted',
		'waitUrl',
	]);
});

test('collections list their fields alphabetically; booleans say "Whether …"', () => {
	for (const collection of [
		conferenceOptions,
		callOptions,
		recordingOptions,
		machineDetectionOptions,
	]) {
		const labels = (
			collection.options as FieldEntry[] as unknown as Array<{ displayName: string }>
		).map((o) => o.displayName);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
	}
	const booleans = [...fieldList(createDescription), ...fieldList(updateDescription)].filter(
		(e) => e.type === 'boolean',
	);
	expect(booleans.length).toBeGreaterThan(10);
	const described = [conferenceOptions, callOptions, recordingOptions, machineDetectionOptions]
		.flatMap((c) => c.options as Array<{ type: string; description?: string }>)
		.filter((o) => o.type === 'boolean');
	for (const option of described) expect(option.description).toMatch(/^Whether /);
});

test('Machine Detection Beep Profile is not offered and sends nothing; it shows only where a workflow still has it', () => {
	const retired = (machineDetectionOptions.options as Array<Record<string, any>>).find(
		(o) => o.name === 'machineDetectionBeepProfile',
	)!;
	expect(retired.routing).toBeUndefined();
	expect(retired.displayOptions).toEqual({
		show: { machineDetectionBeepProfile: [{ _cnd: { exists: true } }] },
	});
});
