// Cedar's side of bench/…/CedarComparison: reads one question per line (principal, action, resource and the
// entity slice it needs, in Cedar's entity JSON), asks Cedar (the official @cedar-policy/cedar-wasm build of
// the Rust engine) whether to allow it, and writes "index,allow|deny,nanoseconds" per question. The schema
// and policy set are parsed once (preparseSchema / preparsePolicySet); each call is statefulIsAuthorized with
// the request validated against the schema. The time of a call is process.hrtime.bigint() around it alone:
// reading and JSON.parse of the line happen before. Two passes warm the engine up before the measured one.
//
// usage: node compare.js <questions.jsonl> <answers.csv>
'use strict';
const fs = require('fs');
const path = require('path');
const cedar = require('@cedar-policy/cedar-wasm/nodejs');

const [input, output] = process.argv.slice(2);
const schema = fs.readFileSync(path.join(__dirname, 'mamori.cedarschema'), 'utf8');
const policies = { staticPolicies: fs.readFileSync(path.join(__dirname, 'mamori.cedar'), 'utf8') };

function check(answer, what) {
  if (answer.type !== 'success' || (answer.validationErrors && answer.validationErrors.length)) {
    throw new Error(what + ': ' + JSON.stringify(answer));
  }
}
check(cedar.validate({ schema, policies }), 'policy validation');
check(cedar.preparseSchema('mamori', schema), 'schema');
check(cedar.preparsePolicySet('mamori', policies), 'policies');

const calls = fs.readFileSync(input, 'utf8').split('\n').filter((l) => l.length > 0).map((line) => {
  const q = JSON.parse(line);
  return {
    i: q.i,
    call: {
      principal: { type: 'Person', id: q.principal },
      action: { type: 'Action', id: q.action },
      resource: { type: 'Entry', id: q.resource },
      context: {},
      preparsedSchemaName: 'mamori',
      validateRequest: true,
      preparsedPolicySetId: 'mamori',
      entities: q.entities,
    },
  };
});

const decisions = new Array(calls.length);
const nanos = new BigInt64Array(calls.length);
for (let pass = 0; pass < 3; pass++) {
  for (let k = 0; k < calls.length; k++) {
    const start = process.hrtime.bigint();
    const answer = cedar.statefulIsAuthorized(calls[k].call);
    const took = process.hrtime.bigint() - start;
    if (answer.type !== 'success') {
      throw new Error('question ' + calls[k].i + ': ' + JSON.stringify(answer));
    }
    decisions[k] = answer.response.decision;
    nanos[k] = took;
  }
}
const lines = new Array(calls.length);
for (let k = 0; k < calls.length; k++) {
  lines[k] = calls[k].i + ',' + decisions[k] + ',' + nanos[k];
}
fs.writeFileSync(output, lines.join('\n') + '\n');
console.log(`[cedar] node ${process.version}, cedar ${cedar.getCedarVersion()}: ${calls.length} questions answered (2 warm-up passes, third measured)`);
