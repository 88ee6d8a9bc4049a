#!/usr/bin/env node
// ogi-report: the command line, compiled to one CommonJS file (dist-cli/main.js) by `npm run build:cli`,
// which `npm install` / `npm ci` run through the `prepare` script — so `npx ogi-report` works right after
// installing and starts without compiling TypeScript.
let cli;
try {
  cli = require('../dist-cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /dist-cli/.test(String(e.message))) {
    process.stderr.write('ogi-report 尚未编译：请先运行 npm run build:cli（npm install 会自动运行）\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误：${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
