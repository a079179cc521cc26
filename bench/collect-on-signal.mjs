/**
 * Preloaded into a bench's server (`--expose-gc --import`): SIGUSR2 runs a
 * full collection and prints the heap then in use (`HEAP USED <bytes>`), so
 * memory per viewer can be read without the garbage a connection storm
 * leaves behind. Not part of the product.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  console.log(`HEAP USED ${process.memoryUsage().heapUsed}`);
});
