"use strict";
// Added to Azurite by tools/azurite/patches (Dunning); meant for upstream as src/table/persistence/LokiEntityLookup.ts.
//
// LokiJS answers a find through the binary index of the query's first property only and scans the rest. The table
// store looked entities up by RowKey first, which scans every row of the table that shares the row key (the Durable
// Task backend gives every instance row the row key "" and every history the same "sentinel" and sequence row keys),
// and ran filtered queries over every entity of the table, even those whose filter fixes the PartitionKey.
Object.defineProperty(exports, "__esModule", { value: true });
exports.findEntity = findEntity;
exports.requiredPartitionKey = requiredPartitionKey;
exports.partitionQuery = partitionQuery;
const tslib_1 = require("tslib");
const AndNode_1 = tslib_1.__importDefault(require("./QueryInterpreter/QueryNodes/AndNode"));
const EqualsNode_1 = tslib_1.__importDefault(require("./QueryInterpreter/QueryNodes/EqualsNode"));
const IdentifierNode_1 = tslib_1.__importDefault(require("./QueryInterpreter/QueryNodes/IdentifierNode"));
const ConstantNode_1 = tslib_1.__importDefault(require("./QueryInterpreter/QueryNodes/ConstantNode"));
/** How many entities the collection's index on the property holds with that value; Infinity without an index. */
function indexedCount(coll, property, value) {
    if (value === undefined || !coll.binaryIndices[property]) {
        return Infinity;
    }
    if (coll.data.length === 0) {
        return 0;
    }
    // Rebuilds the index only if a batch operation left it dirty, as find itself would.
    coll.ensureIndex(property);
    const [lower, upper] = coll.calculateRange("$eq", property, value);
    return upper - lower + 1;
}
/**
 * The entity with exactly these keys, or null: found through whichever of the PartitionKey and RowKey indices holds
 * fewer entities with its key (two binary searches decide), then both keys compared with ===. Replaces
 * findOne({ RowKey, PartitionKey }), which also compared the RowKey through the index, where LokiJS takes number-like
 * strings for numbers ("1" and "01" are one key there); this compares both exactly.
 */
function findEntity(coll, partitionKey, rowKey) {
    const narrower = indexedCount(coll, "PartitionKey", partitionKey) < indexedCount(coll, "RowKey", rowKey)
        ? { PartitionKey: partitionKey }
        : { RowKey: rowKey };
    const [entity] = coll
        .chain()
        .find(narrower)
        .where((doc) => doc.PartitionKey === partitionKey && doc.RowKey === rowKey)
        .limit(1)
        .data();
    return entity ?? null;
}
/**
 * The PartitionKey every entity matching the filter must have, when the filter's top-level conjunction holds
 * `PartitionKey eq '<string>'` (either way round); undefined otherwise. Such an EqualsNode compares with ===, so no
 * entity with another PartitionKey can match.
 */
function requiredPartitionKey(node) {
    if (node instanceof AndNode_1.default) {
        return requiredPartitionKey(node.left) ?? requiredPartitionKey(node.right);
    }
    if (node instanceof EqualsNode_1.default) {
        for (const [identifier, constant] of [[node.left, node.right], [node.right, node.left]]) {
            if (identifier instanceof IdentifierNode_1.default && identifier.identifier === "PartitionKey"
                && constant instanceof ConstantNode_1.default && typeof constant.value === "string") {
                return constant.value;
            }
        }
    }
    return undefined;
}
/**
 * What queryTableEntities finds before applying its where function: the filter's partition through the PartitionKey
 * index, or (undefined, which LokiJS's find takes for "everything") the whole table.
 */
function partitionQuery(where) {
    return where.partitionKey === undefined ? undefined : { PartitionKey: where.partitionKey };
}
