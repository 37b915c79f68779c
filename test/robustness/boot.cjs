// A worker thread does not inherit the test runner's TypeScript loader: register tsx here, then
// load the TypeScript module the worker runs.
require('tsx/cjs');
require(require('node:worker_threads').workerData.entry);
