#!/usr/bin/env node
// How many single-document removals cost as much as one batch removal (which re-sorts every binary index) in LokiJS,
// on a collection shaped like Azurite's queue messages: what patches/LokiRemoval.js's BATCH_REMOVAL_THRESHOLD rests on.
// Usage: node perf/removal-threshold.cjs [DOCUMENTS=10000]
"use strict";

const path = require("node:path");
const Loki = require(path.join(__dirname, "..", "node_modules", "lokijs"));

const documents = Number.parseInt(process.argv[2] ?? "10000", 10);

function collection() {
    const db = new Loki("threshold", { persistenceMethod: "memory" });
    const coll = db.addCollection("messages", { indices: ["accountName", "queueName", "messageId", "visibleTime"] });
    for (let i = 0; i < documents; i++) {
        coll.insert({ accountName: "devstoreaccount1", queueName: `queue-${i % 8}`, messageId: `m${(i * 7919) % documents}`, timeNextVisible: i });
    }
    return coll;
}

function time(action) {
    const start = process.hrtime.bigint();
    action();
    return Number(process.hrtime.bigint() - start) / 1e6;
}

// Average over a few rounds, each on a fresh collection, removing documents spread over it.
const rounds = 5;
let batch = 0;
let single = 0;
const removed = 100;
for (let round = 0; round < rounds; round++) {
    const forBatch = collection();
    batch += time(() => forBatch.remove(forBatch.data.filter((_, i) => i % (documents / removed) === 0)));
    const forSingle = collection();
    const victims = forSingle.data.filter((_, i) => i % (documents / removed) === 0);
    single += time(() => victims.forEach((doc) => forSingle.remove(doc)));
}
const batchMs = batch / rounds;
const singleMs = single / rounds / removed;
console.log(`${documents} documents: one batch removal ${batchMs.toFixed(2)} ms, one single removal ${singleMs.toFixed(3)} ms; ` +
    `a batch costs as much as ${Math.round(batchMs / singleMs)} single removals`);
