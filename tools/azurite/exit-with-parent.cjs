// Preloaded into Azurite (node --require) by the C# launcher. When the process that started Azurite dies
// without disposing it (a test run killed by a timeout, a debugger stopped), Azurite would live on as an
// orphan holding its ports; this makes it exit instead. Inactive unless DUNNING_AZURITE_PARENT_PID is set.
"use strict";

const parentPid = Number.parseInt(process.env.DUNNING_AZURITE_PARENT_PID ?? "", 10);

function parentIsAlive() {
    try {
        process.kill(parentPid, 0);
        return true;
    } catch (error) {
        // EPERM means the pid exists but belongs to someone else: still alive as far as we can tell.
        return error.code === "EPERM";
    }
}

if (Number.isInteger(parentPid) && parentPid > 0) {
    const timer = setInterval(() => {
        if (!parentIsAlive()) {
            clearInterval(timer);
            // The parent read our output through pipes that died with it: the first line Azurite writes while shutting
            // down would fail (EPIPE) and end the process before it saved anything. Write nowhere from here on.
            for (const stream of [process.stdout, process.stderr]) {
                stream.on("error", () => {});
                stream.write = () => true;
            }
            // SIGTERM runs Azurite's own shutdown, which saves data kept in a --location folder (its table store
            // otherwise saves only every few seconds); if that hangs, leave anyway.
            setTimeout(() => process.exit(0), 10000).unref();
            process.kill(process.pid, "SIGTERM");
        }
    }, 1000);
    // Never keep Azurite alive just for this check.
    timer.unref();
}
