import { accountSidFor } from '../nodes/TelnyxTexml/transport/account';

/** The per-execution memory behind "looked up once per execution". */
describe('accountSidFor', () => {
	test('concurrent callers of one execution share one look-up', async () => {
		let calls = 0;
		const lookUp = async () => {
			calls++;
			return 'org-1';
		};

		const sids = await Promise.all(
			[1, 2, 3].map(async () => await accountSidFor('exec-a:cred', lookUp)),
		);

		expect(sids).toEqual(['org-1', 'org-1', 'org-1']);
		expect(calls).toBe(1);
	});

	test('a failed look-up is not repeated within the execution', async () => {
		let calls = 0;
		const lookUp = async () => {
			calls++;
			throw new Error('rejected key');
		};

		await expect(accountSidFor('exec-b:cred', lookUp)).rejects.toThrow('rejected key');
		await expect(accountSidFor('exec-b:cred', lookUp)).rejects.toThrow('rejected key');
		expect(calls).toBe(1);
	});

	test('another execution or credential looks up again', async () => {
		let calls = 0;
		const lookUp = async () => `org-${++calls}`;

		expect(await accountSidFor('exec-c:cred-1', lookUp)).toBe('org-1');
		expect(await accountSidFor('exec-c:cred-2', lookUp)).toBe('org-2');
		expect(await accountSidFor('exec-d:cred-1', lookUp)).toBe('org-3');
	});

	test('stays small: the oldest executions are forgotten first', async () => {
		let calls = 0;
		const lookUp = async () => `org-${++calls}`;
		await accountSidFor('exec-first:cred', lookUp);
		for (let i = 0; i < 60; i++) await accountSidFor(`exec-many-${i}:cred`, lookUp);
		const before = calls;

		await accountSidFor('exec-many-59:cred', lookUp);
		expect(calls).toBe(before);
		await accountSidFor('exec-first:cred', lookUp);
		expect(calls).toBe(before + 1);
	});

	test('without an execution id nothing is kept', async () => {
		let calls = 0;
		const lookUp = async () => `org-${++calls}`;

		await accountSidFor(undefined, lookUp);
		await accountSidFor(undefined, lookUp);
		expect(calls).toBe(2);
	});
});
