/** The browser's files as the batch reads them: chosen (one by one or a folder) or dropped (files or folders). */
import { isReportFile } from '../../file/input';
import type { BatchFile } from './batch';

/** The bytes of a file: Blob.arrayBuffer where the browser has it, FileReader in older engines. */
export function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsArrayBuffer(blob);
  });
}

/** A file to check, named by its path inside a chosen folder when it has one. */
export function batchFile(file: File, name = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name): BatchFile {
  return { name, bytes: () => readBytes(file) };
}

/** The files of an <input type=file>: chosen one by one, all of them; of a chosen folder (they carry its path),
 *  only report files, as `ogi-report check` reads a folder. */
export function chosenFiles(list: FileList | File[], folder: boolean): BatchFile[] {
  const files = Array.from(list).map((f) => batchFile(f));
  return folder ? files.filter((f) => isReportFile(f.name.slice(f.name.lastIndexOf('/') + 1))) : files;
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries gives the entries in batches until an empty one
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, inFolder: boolean): Promise<BatchFile[]> {
  if (entry.isFile) {
    if (inFolder && !isReportFile(entry.name)) return [];
    return [batchFile(await fileOf(entry as FileSystemFileEntry), inFolder ? entry.fullPath.replace(/^\//, '') : entry.name)];
  }
  if (!entry.isDirectory) return [];
  const children = await entriesOf(entry as FileSystemDirectoryEntry);
  return (await Promise.all(children.map((c) => walk(c, true)))).flat();
}

/** What was dropped: files as they are, folders opened to the report files in them. The entries are taken while
 *  the drop event lasts (the browser empties the DataTransfer after it). */
export function droppedFiles(data: DataTransfer): Promise<BatchFile[]> {
  const items = Array.from(data.items ?? []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (!entries.length || entries.some((e) => !e)) return Promise.resolve(Array.from(data.files).map((f) => batchFile(f, f.name)));
  return Promise.all(entries.map((e) => walk(e as FileSystemEntry, false))).then((x) => x.flat());
}
