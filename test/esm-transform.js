/**
 * Jest transform for pdf.js (pdfjs-dist ships ES modules only, .mjs): esbuild to CommonJS, with
 * import.meta.url given the file's URL. Only for the tests — the command line loads the same files
 * with Node's own module loader, the pane through webpack.
 */
const crypto = require('crypto');
const { transformSync, version } = require('esbuild');

module.exports = {
  process(src, filename) {
    const out = transformSync(src, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: filename,
      define: { 'import.meta.url': '__ogiImportMetaUrl' },
      banner: 'var __ogiImportMetaUrl = require("url").pathToFileURL(__filename).href;',
    });
    return { code: out.code };
  },
  getCacheKey(src, filename) {
    return crypto.createHash('sha1').update(version).update('\0').update(filename).update('\0').update(src).digest('hex');
  },
};
