/**
 * Call queues, as Telnyx's Queues API and `<Enqueue>` share them: a queue is named (its name is
 * its SID, `my-queue` in the document's example) and holds the calls waiting in it, oldest first.
 * `<Enqueue>name` puts a call in the queue of that name, made on first use; `<Dial><Queue>name`
 * takes the call at its head; a call that ends leaves its queue.
 */

export interface QueueMember {
	callSid: string;
	enqueuedAt: Date;
}

export interface Queue {
	/** The queue's name, also its SID. */
	sid: string;
	accountSid: string;
	maxSize: number;
	/** The calls waiting, oldest first. */
	members: QueueMember[];
	dateCreated: Date;
	dateUpdated: Date;
}

/** Twilio's default; Telnyx documents none. */
export const DEFAULT_MAX_SIZE = 100;

/** What `<Enqueue>` did: the call waits, or the queue was full (Twilio's QueueResult values). */
export type EnqueueResult = 'enqueued' | 'queue-full';

export class QueueBook {
	readonly queues: Queue[] = [];

	find(accountSid: string, sid: string): Queue | undefined {
		return this.queues.find((q) => q.accountSid === accountSid && q.sid === sid);
	}

	/** A new, empty queue; the caller checks that the name is free. */
	create(accountSid: string, sid: string, maxSize = DEFAULT_MAX_SIZE): Queue {
		const now = new Date();
		const queue: Queue = {
			sid,
			accountSid,
			maxSize,
			members: [],
			dateCreated: now,
			dateUpdated: now,
		};
		this.queues.push(queue);
		return queue;
	}

	delete(queue: Queue) {
		this.queues.splice(this.queues.indexOf(queue), 1);
	}

	/** Puts the call at the end of the named queue (made if missing), unless the queue is full. */
	enqueue(accountSid: string, name: string, callSid: string) {
		const queue = this.find(accountSid, name) ?? this.create(accountSid, name);
		const waiting = queue.members.findIndex((m) => m.callSid === callSid);
		if (waiting >= 0) return { queue, result: 'enqueued' as EnqueueResult, position: waiting + 1 };
		if (queue.members.length >= queue.maxSize)
			return { queue, result: 'queue-full' as EnqueueResult, position: 0 };
		queue.members.push({ callSid, enqueuedAt: new Date() });
		queue.dateUpdated = new Date();
		return { queue, result: 'enqueued' as EnqueueResult, position: queue.members.length };
	}

	/**
	 * Takes a call out of the named queue: the one given, or the one at its head (`<Dial><Queue>`).
	 * Returns its SID, or undefined when it was not there (or the queue is empty or unknown).
	 */
	dequeue(accountSid: string, name: string, callSid?: string): string | undefined {
		const queue = this.find(accountSid, name);
		if (!queue) return undefined;
		const index = callSid === undefined ? 0 : queue.members.findIndex((m) => m.callSid === callSid);
		const [member] = index >= 0 ? queue.members.splice(index, 1) : [];
		if (member) queue.dateUpdated = new Date();
		return member?.callSid;
	}

	/** A call that ended leaves whatever queue it waited in. */
	leave(accountSid: string, callSid: string) {
		for (const queue of this.queues.filter((q) => q.accountSid === accountSid))
			this.dequeue(accountSid, queue.sid, callSid);
	}
}

/** The average wait, in whole seconds, of the calls waiting now (Twilio's reading; 0 when empty). */
export function averageWait(queue: Queue, now = new Date()): number {
	if (queue.members.length === 0) return 0;
	const total = queue.members.reduce((sum, m) => sum + (now.getTime() - m.enqueuedAt.getTime()), 0);
	return Math.round(total / queue.members.length / 1000);
}
