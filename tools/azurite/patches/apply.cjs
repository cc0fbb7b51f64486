#!/usr/bin/env node
// Patches the installed Azurite with the exact search/replace edits of patches/azurite+<version>.cjs; package.json runs
// it as postinstall, so `npm ci` applies it on a clean clone. Why not patch-package: these edits carry their reasons,
// and a missing text fails here by name instead of as a hunk offset.
//
//   node patches/apply.cjs                 apply (from the pristine copies kept beside each file, so it can run again)
//   node patches/apply.cjs --check         verify the installed files are exactly the pristine ones with the edits
//   node patches/apply.cjs --root <dir>    act on <dir>/node_modules instead of this tool folder's (tests use it)
//
// Exits 1, naming every edit that did not fit, when the installed Azurite is not the version the edits were written
// for or a text is not found exactly as often as expected: an upgrade must port the patch, never lose it silently.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const patchDirectory = __dirname;
const pristineSuffix = ".dunning-orig";
// Written last by a successful apply; the C# launcher and start.sh reinstall when it is missing or names another patch.
const markerName = ".dunning-azurite-patch";

function parseArguments(argv) {
    const options = { check: false, root: path.dirname(patchDirectory) };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--check") {
            options.check = true;
        } else if (argv[i] === "--root" && i + 1 < argv.length) {
            options.root = path.resolve(argv[++i]);
        } else {
            fail([`unknown argument ${argv[i]}; see the header of ${__filename}`]);
        }
    }
    return options;
}

function fail(problems) {
    console.error("Azurite patch (tools/azurite/patches) FAILED:");
    for (const problem of problems) {
        console.error(`  - ${problem}`);
    }
    process.exit(1);
}

/** SHA-256 over every .cjs and .js file of patches/, in ordinal name order: what the marker names. */
function patchHash() {
    const hash = crypto.createHash("sha256");
    const names = fs.readdirSync(patchDirectory).filter((name) => /\.c?js$/.test(name)).sort();
    for (const name of names) {
        hash.update(fs.readFileSync(path.join(patchDirectory, name)));
    }
    return hash.digest("hex");
}

function loadPatch(packageDirectory) {
    const manifest = path.join(packageDirectory, "package.json");
    if (!fs.existsSync(manifest)) {
        fail([`${manifest} is missing: run npm ci in tools/azurite first`]);
    }
    const version = JSON.parse(fs.readFileSync(manifest, "utf8")).version;
    const patchFile = path.join(patchDirectory, `azurite+${version}.cjs`);
    if (!fs.existsSync(patchFile)) {
        fail([`Azurite ${version} is installed but patches/ has no azurite+${version}.cjs: port the edits of the previous version's file to it`]);
    }
    return require(patchFile);
}

function count(text, find) {
    let n = 0;
    for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) {
        n++;
    }
    return n;
}

/** The file's text with every edit made, or the problems that kept an edit from fitting. */
function patchedText(relativePath, original, edits) {
    const problems = [];
    let text = original;
    for (const edit of edits) {
        const expected = edit.count ?? 1;
        const found = count(text, edit.find);
        if (found !== expected) {
            problems.push(`${relativePath}: "${edit.why}": its text occurs ${found} times, expected ${expected}; first line sought: ${JSON.stringify(edit.find.split("\n")[0])}`);
            continue;
        }
        text = text.split(edit.find).join(edit.replace);
    }
    return { text, problems };
}

function main() {
    const options = parseArguments(process.argv.slice(2));
    const packageDirectory = path.join(options.root, "node_modules", "azurite");
    const sourceDirectory = path.join(packageDirectory, "dist", "src");
    const patch = loadPatch(packageDirectory);
    const problems = [];
    const writes = [];
    let editCount = 0;

    for (const file of patch.files) {
        const target = path.join(sourceDirectory, file.path);
        const pristine = target + pristineSuffix;
        if (!fs.existsSync(target)) {
            problems.push(`${file.path}: file not found in the installed Azurite`);
            continue;
        }
        // The copy kept at the first apply is the text npm installed; without one, the installed file is that text.
        const havePristine = fs.existsSync(pristine);
        if (options.check && !havePristine) {
            problems.push(`${file.path}: not patched (no ${path.basename(pristine)} beside it)`);
            continue;
        }
        const original = fs.readFileSync(havePristine ? pristine : target, "utf8");
        const result = patchedText(file.path, original, file.edits);
        problems.push(...result.problems);
        editCount += file.edits.length;
        if (options.check) {
            if (result.problems.length === 0 && fs.readFileSync(target, "utf8") !== result.text) {
                problems.push(`${file.path}: installed text differs from the pristine text with the edits made`);
            }
        } else {
            writes.push({ target, pristine, havePristine, original, text: result.text });
        }
    }

    for (const added of patch.newFiles) {
        const source = fs.readFileSync(path.join(patchDirectory, added.from), "utf8");
        const target = path.join(sourceDirectory, added.to);
        if (options.check) {
            if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== source) {
                problems.push(`${added.to}: missing or not the same as patches/${added.from}`);
            }
        } else {
            writes.push({ target, text: source });
        }
    }

    const marker = path.join(options.root, "node_modules", markerName);
    const hash = patchHash();
    if (options.check) {
        const written = fs.existsSync(marker) ? fs.readFileSync(marker, "utf8").trim() : "(none)";
        if (written !== hash) {
            problems.push(`node_modules/${markerName} names patch ${written}, the patches/ folder is ${hash}: reinstall (npm ci)`);
        }
    }

    if (problems.length > 0) {
        fail(problems);
    }

    if (!options.check) {
        // Nothing is written unless every edit fits, so a failed apply leaves the install as npm made it.
        for (const write of writes) {
            if (write.pristine && !write.havePristine) {
                fs.writeFileSync(write.pristine, write.original);
            }
            fs.writeFileSync(write.target, write.text);
        }
        fs.writeFileSync(marker, hash + "\n");
    }

    const verb = options.check ? "verified" : "applied";
    console.log(`Azurite ${patch.version} patch ${verb}: ${editCount} edits in ${patch.files.length} files, ${patch.newFiles.length} file added (patch ${hash.slice(0, 12)}).`);
}

main();
