/** Text files from government sites come as UTF-8 (with or without BOM) or GB18030/GBK. */
export function decodeText(data: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data).replace(/^\ufeff/, '');
  if (!utf8.includes('\ufffd')) return utf8;
  try {
    return new TextDecoder('gb18030').decode(data);
  } catch {
    return utf8;
  }
}
