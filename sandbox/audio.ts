import { Readable } from 'node:stream';

/**
 * Real audio for the sandbox's recordings, generated in code and streamed (a one-hour dual-channel
 * WAV is over 100 MB, never held in memory): a WAV of sine tones (8 kHz, 16-bit PCM, 440 Hz on the
 * first channel, 660 Hz on the second), or an MP3 of silent MPEG-1 Layer III frames. The bytes
 * depend only on format, channels and seconds, so a receiver can be checked byte for byte.
 */

const SAMPLE_RATE = 8000;

export interface Audio {
	contentType: string;
	size: number;
	stream(): Readable;
}

function wavHeader(channels: number, dataSize: number): Buffer {
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + dataSize, 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(channels, 22);
	header.writeUInt32LE(SAMPLE_RATE, 24);
	header.writeUInt32LE(SAMPLE_RATE * channels * 2, 28);
	header.writeUInt16LE(channels * 2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(dataSize, 40);
	return header;
}

/** One second of both tones: 440 and 660 Hz repeat together every 400 samples at 8 kHz. */
function secondOfTone(channels: number): Buffer {
	const second = Buffer.alloc(SAMPLE_RATE * channels * 2);
	for (let i = 0; i < SAMPLE_RATE; i++) {
		const t = i / SAMPLE_RATE;
		for (let c = 0; c < channels; c++) {
			const value = Math.round(8000 * Math.sin(2 * Math.PI * (c === 0 ? 440 : 660) * t));
			second.writeInt16LE(value, (i * channels + c) * 2);
		}
	}
	return second;
}

function* wavChunks(channels: number, seconds: number): Generator<Buffer> {
	yield wavHeader(channels, seconds * SAMPLE_RATE * channels * 2);
	const second = secondOfTone(channels);
	// A fresh copy each time: a receiver that keeps chunks keeps real memory.
	for (let s = 0; s < seconds; s++) yield Buffer.from(second);
}

/** MPEG-1 Layer III, 32 kbit/s, 44.1 kHz, mono: 104-byte frames of 1152 samples. */
const MP3_FRAME = Buffer.concat([Buffer.from([0xff, 0xfb, 0x10, 0xc0]), Buffer.alloc(100)]);

function* mp3Chunks(frames: number): Generator<Buffer> {
	const perChunk = 256;
	for (let done = 0; done < frames; done += perChunk) {
		const count = Math.min(perChunk, frames - done);
		yield Buffer.concat(Array.from({ length: count }, () => MP3_FRAME));
	}
}

/** The audio file of a recording of `seconds` (at least one second of sound). */
export function audioOf(format: 'mp3' | 'wav', channels: 1 | 2, seconds: number): Audio {
	const whole = Math.max(1, Math.round(seconds));
	if (format === 'mp3') {
		const frames = Math.ceil((whole * 44100) / 1152);
		return {
			contentType: 'audio/mpeg',
			size: frames * MP3_FRAME.length,
			stream: () => Readable.from(mp3Chunks(frames), { objectMode: false }),
		};
	}
	return {
		contentType: 'audio/wav',
		size: 44 + whole * SAMPLE_RATE * channels * 2,
		stream: () => Readable.from(wavChunks(channels, whole), { objectMode: false }),
	};
}
