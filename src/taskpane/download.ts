/** Hand a file to the browser's download: a link to a blob, clicked, the blob released a minute later. The pane's
 *  导出, the web edition's 下载 and 批量核查's 下载汇总 all save files through this. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
