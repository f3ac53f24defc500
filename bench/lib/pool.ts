/** `fn(0) … fn(count - 1)`, at most `concurrency` at a time; results in index order. */
export async function inPool<T>(count: number, concurrency: number, fn: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < count; index = next++) results[index] = await fn(index);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
