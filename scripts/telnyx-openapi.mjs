// Writes the TeXML part of Telnyx's own OpenAPI document, which the contract tests read from beside
// the repository (never copied into it): every /texml and /texml_applications path (conferences,
// calls, recordings, transcriptions, queues, media streams, SIPREC, AI calls, secrets, TeXML
// applications), every component they reference, and the document's info, servers and security.
// CI runs it on team-telnyx/openapi's openapi/spec3.yml.
//
//   node scripts/telnyx-openapi.mjs <spec3.yml> <output.yaml>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

/** The paths taken: everything under /texml, and the TeXML applications. */
const TAKEN = [/^\/texml(\/|$)/, /^\/texml_applications(\/|$)/];
const [input, output] = process.argv.slice(2);
if (!input || !output) {
	process.stderr.write('usage: node scripts/telnyx-openapi.mjs <spec3.yml> <output.yaml>\n');
	process.exit(2);
}

const document = parse(readFileSync(input, 'utf8'), { maxAliasCount: -1 });
const paths = Object.fromEntries(
	Object.entries(document.paths).filter(([path]) => TAKEN.some((taken) => taken.test(path))),
);
for (const taken of TAKEN) {
	if (!Object.keys(paths).some((path) => taken.test(path)))
		throw new Error(`no path matches ${taken} in ${input}`);
}

// Follow every "#/components/<kind>/<name>" reference from the paths, transitively.
const components = {};
const pending = [paths];
while (pending.length > 0) {
	const node = pending.pop();
	if (Array.isArray(node)) pending.push(...node);
	else if (node && typeof node === 'object') {
		for (const [key, value] of Object.entries(node)) {
			if (key === '$ref' && typeof value === 'string') {
				const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(value) ?? [];
				if (!kind) throw new Error(`unexpected reference ${value}`);
				components[kind] ??= {};
				if (!(name in components[kind])) {
					components[kind][name] = document.components[kind][name];
					pending.push(components[kind][name]);
				}
			} else pending.push(value);
		}
	}
}
// The security requirement names its schemes.
for (const requirement of document.security ?? []) {
	for (const name of Object.keys(requirement)) {
		components.securitySchemes ??= {};
		components.securitySchemes[name] = document.components.securitySchemes[name];
	}
}

const tags = new Set(
	Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags ?? [])),
);
const extract = {
	components,
	info: document.info,
	openapi: document.openapi,
	paths,
	security: document.security,
	servers: document.servers,
	tags: (document.tags ?? []).filter((tag) => tags.has(tag.name)),
};
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, stringify(extract, { aliasDuplicateObjects: false, lineWidth: 0 }));
process.stdout.write(
	`${output}: ${Object.keys(paths).length} paths, ${Object.values(components).reduce((n, c) => n + Object.keys(c).length, 0)} components\n`,
);
