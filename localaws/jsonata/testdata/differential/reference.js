// Evaluates every case of cases.json with the reference implementation of
// JSONata (the npm package jsonata) and prints the results as JSON:
//   node reference.js cases.json > reference.json
// NODE_PATH must lead to a node_modules holding jsonata (make conformance
// installs it into a directory git ignores).
'use strict';
const fs = require('fs');
const jsonata = require('jsonata');
const version = require('jsonata/package.json').version;

async function main() {
  const suite = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const results = [];
  for (const c of suite.cases) {
    const out = { expr: c.expr, input: c.input };
    try {
      const value = await jsonata(c.expr).evaluate(suite.inputs[c.input]);
      if (value === undefined) {
        out.undefined = true;
      } else {
        out.result = JSON.parse(JSON.stringify(value, (k, v) =>
          typeof v === 'number' && !isFinite(v) ? String(v) : v) ?? 'null');
      }
    } catch (e) {
      out.error = { code: e.code || '', message: e.message || String(e) };
    }
    results.push(out);
  }
  process.stdout.write(JSON.stringify({
    provenance: 'Output of the reference implementation, the npm package jsonata ' + version +
      ', for the cases of cases.json, recorded by reference.js.',
    version: version,
    results: results,
  }, null, 1) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
