// Copies the codex files and icons next to the built node and credential files (scripts/build.js
// bundles the code only).
const { src, dest, parallel } = require('gulp');

const nodeAssets = () => src('nodes/**/*.{node.json,png,svg}').pipe(dest('dist/nodes'));
const credentialIcons = () =>
	src('credentials/**/*.{png,svg}', { allowEmpty: true }).pipe(dest('dist/credentials'));

exports['build:assets'] = parallel(nodeAssets, credentialIcons);
