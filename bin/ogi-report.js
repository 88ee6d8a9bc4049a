#!/usr/bin/env node
// ogi-report: runs the TypeScript command line directly (tsx), so `npx ogi-report` works right after `npm ci`.
require('tsx/cjs/api').register();
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`内部错误：${e && e.message ? e.message : e}\n`); process.exitCode = 2; },
);
