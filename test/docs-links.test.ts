import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The README is the user's page and docs/ holds the rest: every relative link between them must
 * lead somewhere, down to the heading (#anchor), or a reader lands on GitHub's 404 or at the top
 * of a long page.
 */
const root = join(__dirname, '..');

function markdownUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return markdownUnder(path);
		return entry.endsWith('.md') ? [path] : [];
	});
}

const pages = [
	join(root, 'README.md'),
	join(root, 'CHANGELOG.md'),
	join(root, 'test/LAYOUT.md'),
	...markdownUnder(join(root, 'docs')),
];

/** The text outside fenced code blocks and inline code, where links and headings are markdown. */
function prose(markdown: string): string[] {
	let fenced = false;
	return markdown.split('\n').map((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			fenced = !fenced;
			return '';
		}
		return fenced ? '' : line.replace(/`[^`]*`/g, (code) => (line.startsWith('#') ? code : '``'));
	});
}

/** GitHub's heading ids (github-slugger): lower case, punctuation and symbols dropped, spaces → '-'. */
function headingIds(markdown: string): Set<string> {
	const ids = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of prose(markdown)) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const text = heading[1]
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/[`*]/g, '')
			.toLowerCase();
		const base = text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		ids.add(count === 0 ? base : `${base}-${count}`);
	}
	return ids;
}

/** Every link and image target that is neither absolute nor a mail address. */
function relativeLinks(markdown: string): string[] {
	return prose(markdown).flatMap((line) =>
		[...line.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
			.map((m) => m[1])
			.filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target)),
	);
}

test('the GitHub heading ids come out as GitHub makes them', () => {
	const ids = headingIds(
		[
			'## Credentials: Telnyx TeXML API',
			'### Conference Participant → Create (dial)',
			'## Tested: `npm run e2e -- --queue`',
			'## `$fromAI`',
			'## Notes',
			'## Notes',
			'```bash',
			'# not a heading',
			'```',
		].join('\n'),
	);
	expect([...ids]).toEqual([
		'credentials-telnyx-texml-api',
		'conference-participant--create-dial',
		'tested-npm-run-e2e------queue',
		'fromai',
		'notes',
		'notes-1',
	]);
});

test('the link check sees links, images and anchors, and skips code and absolute URLs', () => {
	expect(
		relativeLinks(
			[
				'See [Sending](docs/sending.md#errors) and ![x](docs/screenshots/a.png).',
				'[site](https://example.com/a.md) [mail](mailto:a@b.c) [here](#usage)',
				'`[not](a-link.md)`',
				'```',
				'[nor](this.md)',
				'```',
			].join('\n'),
		),
	).toEqual(['docs/sending.md#errors', 'docs/screenshots/a.png', '#usage']);
});

describe.each(pages.map((page) => [relative(root, page), page]))('%s', (_name, page) => {
	const markdown = readFileSync(page, 'utf8');
	const links = relativeLinks(markdown);

	test('every relative link leads to a file, and every #anchor to a heading there', () => {
		const broken = links.filter((link) => {
			const [path, anchor] = link.split('#');
			const target = path ? resolve(dirname(page), decodeURIComponent(path)) : page;
			if (!target.startsWith(root) || !existsSync(target)) return true;
			if (anchor === undefined) return false;
			if (!target.endsWith('.md')) return true;
			return !headingIds(readFileSync(target, 'utf8')).has(anchor);
		});
		expect(broken).toEqual([]);
	});
});

test('the README is the user’s page: at most 300 lines, and it links to the pages in docs/', () => {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	expect(readme.split('\n').length).toBeLessThanOrEqual(300);
	const linked = new Set(relativeLinks(readme).map((link) => link.split('#')[0]));
	for (const page of markdownUnder(join(root, 'docs'))) {
		expect([...linked]).toContain(relative(root, page));
	}
});

test('every screenshot in docs/screenshots is shown on some page', () => {
	const shown = new Set(
		pages.flatMap((page) =>
			relativeLinks(readFileSync(page, 'utf8')).map((link) =>
				resolve(dirname(page), link.split('#')[0]),
			),
		),
	);
	for (const shot of readdirSync(join(root, 'docs/screenshots'))) {
		expect([...shown]).toContain(join(root, 'docs/screenshots', shot));
	}
});
