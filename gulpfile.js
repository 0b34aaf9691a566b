// Copies the icons next to the compiled node and credential files; tsc copies nothing but code.
const { src, dest, parallel } = require('gulp');

const nodeIcons = () => src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
const credentialIcons = () =>
	src('credentials/**/*.{png,svg}', { allowEmpty: true }).pipe(dest('dist/credentials'));

exports['build:icons'] = parallel(nodeIcons, credentialIcons);
