/**
 * Webpack configuration for 政务公开年报助手 (Excel task-pane add-in).
 *
 *   webpack --mode production                                      → dist/ for https://localhost:3000/
 *   webpack --mode production --env urlProd=https://intranet.example/ogi/
 *                                                                  → dist/manifest.xml points at that URL
 *   … --env officeJs=office-js/office.js                           → taskpane.html and commands.html load
 *                                            office.js from that URL (absolute https, or relative to
 *                                            urlProd) instead of Microsoft's CDN, CSP adjusted to match
 *   … --env officeJs=bundled                                       → the same with office-js/office.js, and
 *                                            the office.js files of @microsoft/office-js copied, unmodified,
 *                                            into dist/office-js/: an isolated network needs no CDN
 *   webpack serve --mode development                               → dev server on port 3000
 *
 * Both switches are explained for the people deploying the add-in in docs/deploy.md; the URL
 * functions live in scripts/deploy-urls.js.
 *
 * Pages: taskpane.html (the add-in), commands.html (ribbon function file, no UI), notice.html (the dialog a
 * ribbon button's outcome is shown in) and preview.html
 * (the task pane next to an in-browser stand-in workbook, for use without Excel) and web.html (the web edition: the
 * same pane over an .xlsx file, for desktops that cannot run the add-in, and 批量核查 for reviewers).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const PDFJS = path.dirname(require.resolve('pdfjs-dist/package.json'));
const {
  DEV_BASE_URL,
  OFFICE_JS_PAGES,
  normaliseBaseUrl,
  rewriteManifestUrls,
  resolveOfficeJsUrl,
  rewriteOfficeJs,
} = require('./scripts/deploy-urls');

/** Swaps the CDN office.js for `officeJsUrl` in the pages that load it, before html-webpack-plugin
 *  injects the bundles and minifies (so the rewrite sees the template exactly as written). */
class SelfHostedOfficeJsPlugin {
  constructor(officeJsUrl, pageBaseUrl) {
    this.officeJsUrl = officeJsUrl;
    this.pageBaseUrl = pageBaseUrl;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap('SelfHostedOfficeJsPlugin', (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).afterTemplateExecution.tap('SelfHostedOfficeJsPlugin', (data) => {
        if (OFFICE_JS_PAGES.includes(data.outputName)) data.html = rewriteOfficeJs(data.html, this.officeJsUrl, this.pageBaseUrl);
        return data;
      });
    });
  }
}

/** Where `--env officeJs=bundled` puts office.js and the files it loads (per host, platform and language). */
const BUNDLED_OFFICE_JS_DIR = 'office-js';

/** Copies @microsoft/office-js's dist/ into dist/office-js/, unmodified (its licence allows redistributing the
 *  files as they are; `minimized` keeps the minifier off them), without the debug builds the add-in never loads. */
function bundledOfficeJs() {
  const pkg = path.dirname(require.resolve('@microsoft/office-js/package.json'));
  return new CopyWebpackPlugin({
    patterns: [
      {
        from: path.join(pkg, 'dist'),
        to: BUNDLED_OFFICE_JS_DIR,
        info: { minimized: true },
        globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js', '**/*.d.ts'] },
      },
      { from: path.join(pkg, 'LICENSE.md'), to: `${BUNDLED_OFFICE_JS_DIR}/LICENSE.md` },
    ],
  });
}

/** https with the office-addin-dev-certs files when they exist, plain http otherwise. */
function devServerTransport() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return 'http';
  const options = { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return { type: 'https', options };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const dev = mode === 'development';
  const baseUrl = env.urlProd ? normaliseBaseUrl(env.urlProd) : null;
  // `--env officeJs` without a value arrives as `true`: refuse it rather than build for the CDN.
  const bundleOfficeJs = env.officeJs === 'bundled';
  const officeJsPath = bundleOfficeJs ? `${BUNDLED_OFFICE_JS_DIR}/office.js` : env.officeJs === true ? '' : env.officeJs;
  const officeJs = env.officeJs !== undefined ? resolveOfficeJsUrl(officeJsPath, baseUrl ?? DEV_BASE_URL) : null;

  const page = (name, chunks, folder = name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${folder}/${name}.html`,
      chunks,
      inject: 'head',
      scriptLoading: 'defer', // after the synchronous office.js tag in <head>, once the DOM is parsed
    });

  const pane = {
    mode,
    context: __dirname,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts', // the dialog a ribbon button's outcome is shown in
      preview: './src/preview/index.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      publicPath: 'auto',
      // web.html's files come from the second compilation below
      clean: { keep: /^web[.-]/ },
    },
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules out of TypeScript so that webpack can tree-shake Fluent UI; tsconfig keeps
              // commonjs for jest and the command line.
              compilerOptions: { module: 'es2020' },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          // React, Fluent UI and the rest of node_modules in one file that taskpane.html and
          // preview.html both load; commands.html stays a single small bundle.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane' || chunk.name === 'preview',
            enforce: true,
          },
        },
      },
    },
    performance: dev ? { hints: false } : { hints: 'warning', maxAssetSize: 2 * 1024 * 1024, maxEntrypointSize: 2 * 1024 * 1024 },
    plugins: [
      new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(require('./package.json').version) }),
      page('taskpane', ['taskpane']),
      page('commands', ['commands']),
      page('notice', ['notice'], 'commands'),
      page('preview', ['preview']),
      ...(officeJs ? [new SelfHostedOfficeJsPlugin(officeJs, baseUrl ?? DEV_BASE_URL)] : []),
      ...(bundleOfficeJs ? [bundledOfficeJs()] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*', to: 'assets/[name][ext]' },
          // ES5, not bundled: it must run in the old engines the bundles cannot (see the file)
          { from: 'src/taskpane/legacy-check.js', to: 'legacy-check.js' },
          // pdf.js's worker, cMaps and standard fonts, served from our own origin (PDF import,
          // src/pdf/browser.ts); the worker as .js so that every web server sends it as JavaScript
          { from: path.join(PDFJS, 'legacy/build/pdf.worker.min.mjs'), to: 'pdfjs/pdf.worker.min.js', info: { minimized: true } },
          { from: path.join(PDFJS, 'cmaps'), to: 'pdfjs/cmaps' },
          { from: path.join(PDFJS, 'standard_fonts'), to: 'pdfjs/standard_fonts' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: {
              transformer: (content) => (baseUrl ? rewriteManifestUrls(content.toString('utf8'), baseUrl) : content),
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: devServerTransport(),
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      open: false,
    },
  };
  // The web edition (web.html) in a compilation of its own: sharing one with the pane would let its use of shared
  // modules (Fluent UI, the pane's own lazy chunks) grow the pane's files. Its files are all named web*.
  const web = {
    mode,
    context: __dirname,
    entry: { web: './src/web/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'web-[name].js',
      publicPath: 'auto',
      clean: false,
    },
    devtool: pane.devtool,
    resolve: pane.resolve,
    module: pane.module,
    performance: dev ? { hints: false } : { hints: 'warning', maxAssetSize: 3 * 1024 * 1024, maxEntrypointSize: 3 * 1024 * 1024 },
    plugins: [new webpack.DefinePlugin({ __APP_VERSION__: JSON.stringify(require('./package.json').version) }), page('web', ['web'])],
  };
  return [pane, web];
};
