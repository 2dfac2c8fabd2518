#!/usr/bin/env node
// `npx theory-load`: registers tsx so Node can load the TypeScript CLI, then hands it the
// arguments. The exit code is set, not forced, so Node flushes output before leaving.
/* global require, process -- the lint config gives .js files no Node globals */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS shim loads by require */
'use strict';

require('tsx/cjs');
const { main } = require('../cli/theory-load.ts');

main(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`theory-load: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
