// Copies the icons next to the compiled node and credential files; tsc copies nothing but code.
const { src, dest } = require('gulp');

function copyIcons() {
	src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
	return src('credentials/**/*.{png,svg}', { allowEmpty: true }).pipe(dest('dist/credentials'));
}

exports['build:icons'] = copyIcons;
