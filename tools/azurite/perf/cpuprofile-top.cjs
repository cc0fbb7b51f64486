#!/usr/bin/env node
// Summarises a V8 CPU profile (node --cpu-prof) by self time: the functions the process spent its samples in, with the
// file they come from under node_modules, and the share of samples that were idle, GC or program (native) time.
// Usage: node perf/cpuprofile-top.cjs PROFILE.cpuprofile [TOP=20]
"use strict";

const fs = require("node:fs");

const [file, topArgument] = process.argv.slice(2);
if (!file) {
    console.error("usage: node perf/cpuprofile-top.cjs PROFILE.cpuprofile [TOP]");
    process.exit(2);
}
const top = Number.parseInt(topArgument ?? "20", 10);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));

// Each sample names the node (function at a call site) that was on top of the stack; time deltas are in microseconds.
const selfTime = new Map();
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}

const byFunction = new Map();
let total = 0;
for (const [id, micros] of selfTime) {
    const frame = nodes.get(id).callFrame;
    const where = frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\//, "");
    const key = `${frame.functionName || "(anonymous)"}  ${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    total += micros;
}

// Where the busy time went by origin: the package under node_modules, Node's own modules, or the engine's pseudo-frames.
const byOrigin = new Map();
for (const [id, micros] of selfTime) {
    const { url, functionName } = nodes.get(id).callFrame;
    const origin = url.includes("node_modules/")
        ? url.replace(/^.*node_modules\//, "").split("/").slice(0, url.includes("node_modules/@") ? 2 : 1).join("/")
        : url.startsWith("node:") ? "node (internal)" : url === "" ? (functionName === "(idle)" ? "(idle)" : `${functionName || "(native)"}`) : url;
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + micros);
}

const idle = [...byFunction].filter(([key]) => key.startsWith("(idle)")).reduce((sum, [, micros]) => sum + micros, 0);
const busy = total - idle;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (${((100 * busy) / total).toFixed(0)}%)`);
console.log("by origin: " + [...byOrigin].filter(([origin]) => origin !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, 8)
    .map(([origin, micros]) => `${origin} ${((100 * micros) / busy).toFixed(0)}%`).join(", "));
console.log("share of busy time  self s  function  where");
for (const [key, micros] of [...byFunction].filter(([key]) => !key.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * micros) / busy).toFixed(1).padStart(5)}%  ${(micros / 1e6).toFixed(2).padStart(7)}  ${key}`);
}
