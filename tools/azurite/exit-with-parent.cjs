// Preloaded (node --require) into each of Azurite's service processes by the C# launcher. When the process that started
// them dies without disposing the launcher (a test run killed by a timeout, a debugger stopped), they would live on as
// orphans holding their ports; this makes each exit instead. Inactive unless DUNNING_AZURITE_PARENT_PID is set.
//
// DUNNING_AZURITE_OUTLIVE_PIDS (comma-separated) names sibling services to wait for before shutting down: the launcher
// gives the table service the blob and queue pids, so the table port closes last. The run command waits for exactly that
// port to close before it starts a new Azurite on the same ports, and would otherwise find a sibling still on its port.
"use strict";

const parentPid = Number.parseInt(process.env.DUNNING_AZURITE_PARENT_PID ?? "", 10);
const siblingPids = (process.env.DUNNING_AZURITE_OUTLIVE_PIDS ?? "")
    .split(",")
    .map((pid) => Number.parseInt(pid, 10))
    .filter((pid) => Number.isInteger(pid) && pid > 0);

// A service saving a large folder may take a while; past this, leave anyway.
const shutdownPatienceMs = 10000;

function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        // EPERM means the pid exists but belongs to someone else: still alive as far as we can tell.
        return error.code === "EPERM";
    }
}

function shutDown() {
    // The parent read our output through pipes that died with it: the first line Azurite writes while shutting
    // down would fail (EPIPE) and end the process before it saved anything. Write nowhere from here on.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", () => {});
        stream.write = () => true;
    }
    setTimeout(() => process.exit(0), shutdownPatienceMs).unref();
    // SIGINT runs Azurite's own shutdown, which saves data kept in a --location folder (its stores otherwise save only
    // every few seconds). Every entry point handles SIGINT; azurite-table has no handler for SIGTERM and would die unsaved.
    process.kill(process.pid, "SIGINT");
}

if (Number.isInteger(parentPid) && parentPid > 0) {
    const timer = setInterval(() => {
        if (!isAlive(parentPid)) {
            clearInterval(timer);
            const waitedSince = Date.now();
            const waitForSiblings = setInterval(() => {
                if (siblingPids.every((pid) => !isAlive(pid)) || Date.now() - waitedSince > shutdownPatienceMs) {
                    clearInterval(waitForSiblings);
                    shutDown();
                }
            }, 100);
        }
    }, 1000);
    // Never keep Azurite alive just for this check.
    timer.unref();
}
