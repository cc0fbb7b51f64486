"use strict";
// Added to Azurite by tools/azurite/patches (Dunning); meant for upstream as src/common/persistence/LokiRemoval.ts.
//
// LokiJS removes an array of documents (Collection.remove(array), findAndRemove, Resultset.remove) through
// removeBatchByPositions, which, on a collection with adaptive binary indices, switches them off and re-sorts every
// binary index of the collection from scratch (ensureAllIndexes(true)), even when the array is empty. Removing one
// document adjusts each index in place instead: a binary search and a pass over the index, no sort. One rebuild is
// only cheaper than that many in-place removals when a large share of the collection goes at once (a deleted queue or
// container), so large removals keep the batch path.
Object.defineProperty(exports, "__esModule", { value: true });
exports.removeDocuments = removeDocuments;
exports.findAndRemove = findAndRemove;
exports.BATCH_REMOVAL_THRESHOLD = void 0;
// In-place removal costs a few linear passes per index; a rebuild costs a sort with LokiJS's comparator. On a
// collection shaped like the queue's messages, one rebuild cost as much as about 110 single removals at 2,000
// documents, 180 at 10,000 and 330 at 50,000 (tools/azurite/perf/removal-threshold.cjs), so batches from 200 up keep it.
const BATCH_REMOVAL_THRESHOLD = 200;
exports.BATCH_REMOVAL_THRESHOLD = BATCH_REMOVAL_THRESHOLD;
/**
 * Removes the given documents of a LokiJS collection without re-sorting its binary indices unless a large batch makes
 * that the cheaper way. Same effect as coll.remove(docs).
 */
function removeDocuments(coll, docs) {
    if (docs.length === 0) {
        return;
    }
    if (docs.length >= BATCH_REMOVAL_THRESHOLD) {
        coll.remove(docs);
        return;
    }
    for (const doc of docs) {
        coll.remove(doc);
    }
}
/**
 * Same effect as coll.findAndRemove(query), without its index rebuild. Put the most selective indexed property first
 * in the query: LokiJS only uses the index of the first one.
 */
function findAndRemove(coll, query) {
    removeDocuments(coll, coll.find(query));
}
