// The edits patches/apply.cjs makes to Azurite 3.37.0's compiled sources (node_modules/azurite/dist/src). Each `find`
// must occur exactly `count` times (1 unless said) in the file as npm installed it, or the install fails: an Azurite
// upgrade must port these edits deliberately rather than lose them. tools/azurite/README.md says why each exists.
"use strict";

const lokiRemoval = (relative) => `const LokiRemoval_1 = require("${relative}");`;

module.exports = {
    package: "azurite",
    version: "3.37.0",
    // Copied into dist/src as they are.
    newFiles: [
        { from: "LokiRemoval.js", to: "common/persistence/LokiRemoval.js" },
        { from: "LokiEntityLookup.js", to: "table/persistence/LokiEntityLookup.js" },
    ],
    files: [
        {
            path: "common/persistence/LokiExtentMetadataStore.js",
            edits: [
                {
                    why: "load the removal helper",
                    find: `const utils_1 = require("../utils/utils");\n`,
                    replace: `const utils_1 = require("../utils/utils");\n${lokiRemoval("./LokiRemoval")}\n`,
                },
                {
                    why: "extent GC deletes extents one by one: findAndRemove re-sorted the id index for each",
                    find: `        return coll.findAndRemove({ id: extentId });\n`,
                    replace: `        (0, LokiRemoval_1.findAndRemove)(coll, { id: extentId });\n`,
                },
            ],
        },
        {
            path: "queue/persistence/LokiQueueMetadataStore.js",
            edits: [
                {
                    why: "load the removal helper",
                    find: `const utils_1 = require("../../common/utils/utils");\n`,
                    replace: `const utils_1 = require("../../common/utils/utils");\n${lokiRemoval("../../common/persistence/LokiRemoval")}\n`,
                },
                {
                    why: "deleting a queue removes its messages without an index rebuild (queueName first: its index narrows)",
                    find:
                        "        messageColl.findAndRemove({\n" +
                        "            accountName: account,\n" +
                        "            queueName: queue\n" +
                        "        });\n",
                    replace:
                        "        (0, LokiRemoval_1.findAndRemove)(messageColl, {\n" +
                        "            queueName: queue,\n" +
                        "            accountName: account\n" +
                        "        });\n",
                },
                {
                    why: "count a queue's messages through the queueName index, not every message of the account",
                    find: "        const query = { accountName: account, queueName: queue };\n",
                    replace: "        const query = { queueName: queue, accountName: account };\n",
                },
                {
                    why: "peek and get find visible messages through the queueName index: LokiJS uses only the first property's index, and accountName is the same for every message",
                    count: 2,
                    find:
                        "        const query = {\n" +
                        "            accountName: account,\n" +
                        "            queueName: queue,\n" +
                        "            timeNextVisible: { $lte: queryTime }\n" +
                        "        };\n",
                    replace:
                        "        const query = {\n" +
                        "            queueName: queue,\n" +
                        "            accountName: account,\n" +
                        "            timeNextVisible: { $lte: queryTime }\n" +
                        "        };\n",
                },
                {
                    why: "dequeue updates its messages one by one: update(array) re-sorted every index of the collection",
                    find: "        coll.update(docs);\n",
                    replace:
                        "        for (const doc of docs) {\n" +
                        "            coll.update(doc);\n" +
                        "        }\n",
                },
                {
                    why: "clearing a queue removes its messages without an index rebuild",
                    find:
                        "        coll.findAndRemove({\n" +
                        "            accountName: account,\n" +
                        "            queueName: queue\n" +
                        "        });\n",
                    replace:
                        "        (0, LokiRemoval_1.findAndRemove)(coll, {\n" +
                        "            queueName: queue,\n" +
                        "            accountName: account\n" +
                        "        });\n",
                },
                {
                    why: "expired messages are looked for through the queueName index",
                    find:
                        "        const query = {\n" +
                        "            accountName: account,\n" +
                        "            queueName: queue,\n" +
                        "            expirationTime: { $lte: queryTime }\n" +
                        "        };\n",
                    replace:
                        "        const query = {\n" +
                        "            queueName: queue,\n" +
                        "            accountName: account,\n" +
                        "            expirationTime: { $lte: queryTime }\n" +
                        "        };\n",
                },
                {
                    why: "every peek, get, update and delete clears expired messages; remove([]) re-sorted every index even when none had expired",
                    find: "        coll.remove(docs);\n",
                    replace: "        (0, LokiRemoval_1.removeDocuments)(coll, docs);\n",
                },
            ],
        },
        {
            path: "blob/persistence/LokiBlobMetadataStore.js",
            edits: [
                {
                    why: "load the removal helper",
                    find: `const utils_3 = require("../utils/utils");\n`,
                    replace: `const utils_3 = require("../utils/utils");\n${lokiRemoval("../../common/persistence/LokiRemoval")}\n`,
                },
                {
                    why: "deleting a container removes its blobs and blocks without index rebuilds",
                    find:
                        "        blobColl.findAndRemove({\n" +
                        "            accountName: account,\n" +
                        "            containerName: container\n" +
                        "        });\n" +
                        "        const blockColl = this.db.getCollection(this.BLOCKS_COLLECTION);\n" +
                        "        blockColl.findAndRemove({\n" +
                        "            accountName: account,\n" +
                        "            containerName: container\n" +
                        "        });\n",
                    replace:
                        "        (0, LokiRemoval_1.findAndRemove)(blobColl, {\n" +
                        "            containerName: container,\n" +
                        "            accountName: account\n" +
                        "        });\n" +
                        "        const blockColl = this.db.getCollection(this.BLOCKS_COLLECTION);\n" +
                        "        (0, LokiRemoval_1.findAndRemove)(blockColl, {\n" +
                        "            containerName: container,\n" +
                        "            accountName: account\n" +
                        "        });\n",
                },
                {
                    why: "deleting a base blob that has no snapshots (name first: its index narrows; accountName is everyone's)",
                    find:
                        "                coll.findAndRemove({\n" +
                        "                    accountName: account,\n" +
                        "                    containerName: container,\n" +
                        "                    name: blob\n" +
                        "                });\n",
                    replace:
                        "                (0, LokiRemoval_1.findAndRemove)(coll, {\n" +
                        "                    name: blob,\n" +
                        "                    accountName: account,\n" +
                        "                    containerName: container\n" +
                        "                });\n",
                },
                {
                    why: "deleting a blob with its snapshots",
                    find:
                        "            coll.findAndRemove({\n" +
                        "                accountName: account,\n" +
                        "                containerName: container,\n" +
                        "                name: blob\n" +
                        "            });\n",
                    replace:
                        "            (0, LokiRemoval_1.findAndRemove)(coll, {\n" +
                        "                name: blob,\n" +
                        "                accountName: account,\n" +
                        "                containerName: container\n" +
                        "            });\n",
                },
                {
                    why: "deleting one snapshot",
                    find:
                        "            coll.findAndRemove({\n" +
                        "                accountName: account,\n" +
                        "                containerName: container,\n" +
                        "                name: blob,\n" +
                        "                snapshot: doc.snapshot\n" +
                        "            });\n",
                    replace:
                        "            (0, LokiRemoval_1.findAndRemove)(coll, {\n" +
                        "                name: blob,\n" +
                        "                accountName: account,\n" +
                        "                containerName: container,\n" +
                        "                snapshot: doc.snapshot\n" +
                        "            });\n",
                },
                {
                    why: "deleting all snapshots of a blob",
                    find:
                        "            const query = {\n" +
                        "                accountName: account,\n" +
                        "                containerName: container,\n" +
                        "                name: blob,\n" +
                        "                snapshot: { $gt: \"\" }\n" +
                        "            };\n" +
                        "            coll.findAndRemove(query);\n",
                    replace:
                        "            const query = {\n" +
                        "                name: blob,\n" +
                        "                accountName: account,\n" +
                        "                containerName: container,\n" +
                        "                snapshot: { $gt: \"\" }\n" +
                        "            };\n" +
                        "            (0, LokiRemoval_1.findAndRemove)(coll, query);\n",
                },
                {
                    why: "committing a block list drops the uncommitted blocks without an index rebuild (none, usually: the SDK puts small blobs whole)",
                    find:
                        "        blockColl.findAndRemove({\n" +
                        "            accountName: blob.accountName,\n" +
                        "            containerName: blob.containerName,\n" +
                        "            blobName: blob.name\n" +
                        "        });\n",
                    replace:
                        "        (0, LokiRemoval_1.findAndRemove)(blockColl, {\n" +
                        "            blobName: blob.name,\n" +
                        "            accountName: blob.accountName,\n" +
                        "            containerName: blob.containerName\n" +
                        "        });\n",
                },
            ],
        },
        {
            path: "table/persistence/LokiTableMetadataStore.js",
            edits: [
                {
                    why: "load the lookup helper",
                    find: `const utils_1 = require("../../common/utils/utils");\n`,
                    replace: `const utils_1 = require("../../common/utils/utils");\nconst LokiEntityLookup_1 = require("./LokiEntityLookup");\n`,
                },
                {
                    why: "point lookups (insert, update, merge) walk the narrower of the PartitionKey and RowKey indices, not always RowKey's, and compare both keys exactly",
                    count: 3,
                    find:
                        "        const doc = tableEntityCollection.findOne({\n" +
                        "            RowKey: entity.RowKey,\n" +
                        "            PartitionKey: entity.PartitionKey\n" +
                        "        });\n",
                    replace: "        const doc = (0, LokiEntityLookup_1.findEntity)(tableEntityCollection, entity.PartitionKey, entity.RowKey);\n",
                },
                {
                    why: "deleting an entity finds it through the narrower index",
                    count: 1,
                    find:
                        "            const doc = tableEntityCollection.findOne({\n" +
                        "                RowKey: rowKey,\n" +
                        "                PartitionKey: partitionKey\n" +
                        "            });\n",
                    replace: "            const doc = (0, LokiEntityLookup_1.findEntity)(tableEntityCollection, partitionKey, rowKey);\n",
                },
                {
                    why: "reading one entity finds it through the narrower index",
                    count: 1,
                    find:
                        "        const requestedDoc = entityCollection.findOne({\n" +
                        "            RowKey: rowKey,\n" +
                        "            PartitionKey: partitionKey\n" +
                        "        });\n",
                    replace: "        const requestedDoc = (0, LokiEntityLookup_1.findEntity)(entityCollection, partitionKey, rowKey);\n",
                },
                {
                    why: "a failed batch's rollback finds each entity through the narrower index",
                    count: 1,
                    find:
                        "            const doc = tableBatchCollection.findOne({\n" +
                        "                RowKey: entity.RowKey,\n" +
                        "                PartitionKey: entity.PartitionKey\n" +
                        "            });\n",
                    replace: "            const doc = (0, LokiEntityLookup_1.findEntity)(tableBatchCollection, entity.PartitionKey, entity.RowKey);\n",
                },
                {
                    why: "a filtered query that fixes the PartitionKey reads that partition through its index instead of every entity of the table",
                    find:
                        "        const result = tableEntityCollection\n" +
                        "            .chain()\n" +
                        "            .where(queryWhere)\n",
                    replace:
                        "        const result = tableEntityCollection\n" +
                        "            .chain()\n" +
                        "            .find((0, LokiEntityLookup_1.partitionQuery)(queryWhere))\n" +
                        "            .where(queryWhere)\n",
                },
            ],
        },
        {
            path: "table/persistence/LokiTableStoreQueryGenerator.js",
            edits: [
                {
                    why: "load the lookup helper",
                    find: `const QueryValidator_1 = require("./QueryInterpreter/QueryValidator");\n`,
                    replace: `const QueryValidator_1 = require("./QueryInterpreter/QueryValidator");\nconst LokiEntityLookup_1 = require("./LokiEntityLookup");\n`,
                },
                {
                    why: "an entity filter's where function says which PartitionKey the filter fixes, if any (for queryTableEntities)",
                    find:
                        "        return (entity) => (0, QueryInterpreter_1.default)(entity, queryTree);\n" +
                        "    }\n" +
                        "}\n" +
                        "exports.default = LokiTableStoreQueryGenerator;\n",
                    replace:
                        "        const where = (entity) => (0, QueryInterpreter_1.default)(entity, queryTree);\n" +
                        "        where.partitionKey = (0, LokiEntityLookup_1.requiredPartitionKey)(queryTree);\n" +
                        "        return where;\n" +
                        "    }\n" +
                        "}\n" +
                        "exports.default = LokiTableStoreQueryGenerator;\n",
                },
            ],
        },
    ],
};
