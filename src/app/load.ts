/** Loading a part of the pane's code on demand (webpack chunks): a load that fails says so in Chinese, never as webpack's
 *  own English error text. No office-js here. */

/** Why an action could not start: the file with its code did not load (the network, or the add-in's files). */
export function loadFailure(cause: unknown): Error {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new Error(`加载项的程序文件未能载入，操作没有进行（${why}）。请检查网络连接，然后关闭并重新打开任务窗格再试。`);
}

/** `load()` (an import() of a chunk), its failure turned into loadFailure's message. */
export function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((e: unknown) => {
    throw loadFailure(e);
  });
}
