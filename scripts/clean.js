// Removes build output folders (cross-platform, no dependency).
const { rmSync } = require('node:fs');

for (const folder of process.argv.slice(2)) rmSync(folder, { recursive: true, force: true });
