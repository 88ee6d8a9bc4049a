/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Where the add-in is served from, and where office.js comes from: the URL rewriting behind the two
 * production build switches (see docs/deploy.md). Plain CommonJS with no dependencies, so that
 * webpack.config.js requires it, the jest tests import it, and an IT person can run it with bare Node
 * on a machine that cannot reach the npm registry.
 *
 *   webpack --mode production --env urlProd=https://HOST/PATH/          manifest URLs → that base
 *   webpack --mode production --env urlProd=… --env officeJs=office-js/office.js
 *                                                                        office.js from your own host
 *
 * Command line:
 *   node scripts/deploy-urls.js manifest --url-prod https://HOST/PATH/ [manifest.xml] [--out FILE]
 *       prints (or writes) the manifest with every dev-server URL pointing at that base
 *   node scripts/deploy-urls.js dist DIR --url-prod https://HOST/PATH/ [--office-js URL]
 *       retargets, in place, a dist/ folder that was built without switches (manifest.xml, and with
 *       --office-js also taskpane.html, commands.html and notice.html)
 */
const fs = require('fs');
const path = require('path');

/** The dev server's base URL, the one manifest.xml is written for. */
const DEV_BASE_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';
/** Microsoft's office.js CDN, the one taskpane.html and commands.html load by default. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
/** The pages that load office.js (preview.html brings its own stand-in). */
const OFFICE_JS_PAGES = ['taskpane.html', 'commands.html', 'notice.html'];

/** Validates `--env urlProd=…` and returns it with exactly one trailing slash. */
function normaliseBaseUrl(raw) {
  const value = String(raw ?? '').trim();
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`urlProd must be an absolute URL, got "${value}"`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`urlProd must use https (Office add-ins require it), got "${value}"`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`urlProd must not contain a query or fragment, got "${value}"`);
  }
  if (parsed.username || parsed.password) {
    throw new Error(`urlProd must not contain a user name or password, got "${value}"`);
  }
  return value.replace(/\/+$/, '') + '/';
}

/** Points every dev-server URL in the manifest at `baseUrl` (AppDomain entries get its origin). */
function rewriteManifestUrls(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml.split(DEV_BASE_URL).join(baseUrl).split(DEV_ORIGIN).join(origin);
}

/**
 * Validates `--env officeJs=…`: an absolute https URL, or a path relative to the add-in's base URL
 * (`office-js/office.js` → https://HOST/PATH/office-js/office.js). Returns the absolute URL.
 */
function resolveOfficeJsUrl(raw, baseUrl = DEV_BASE_URL) {
  const value = String(raw ?? '').trim();
  if (value === '') throw new Error('officeJs must be a URL or a path relative to urlProd, got an empty value');
  let parsed;
  try {
    // An absolute URL ignores the base; a relative path resolves against it.
    parsed = new URL(value, baseUrl);
  } catch {
    throw new Error(`officeJs must be an absolute https URL or a path relative to urlProd, got "${value}"`);
  }
  if (parsed.protocol !== 'https:') {
    throw new Error(`officeJs must use https (the task pane is an https page), got "${value}"`);
  }
  if (parsed.username || parsed.password) {
    throw new Error(`officeJs must not contain a user name or password, got "${value}"`);
  }
  if (parsed.hash) throw new Error(`officeJs must not contain a fragment, got "${value}"`);
  return parsed.href;
}

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeRegExp = (value) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// The office.js tag and the CSP meta tag, as written in the templates (quoted attributes) or as
// html-webpack-plugin's minifier leaves them in dist/ (quotes dropped where they are not needed).
const OFFICE_JS_TAG = new RegExp(
  `<script\\s+src=(?:"${escapeRegExp(OFFICE_JS_CDN)}"|${escapeRegExp(OFFICE_JS_CDN)})\\s*>\\s*</script>`,
  'g',
);
const CSP_META = /(<meta\s+http-equiv=(?:"Content-Security-Policy"|Content-Security-Policy)\s+content=")([^"]*)("\s*\/?>)/gi;

/**
 * Makes a page load office.js from `officeJsUrl` (absolute https, see resolveOfficeJsUrl) instead of
 * Microsoft's CDN, and changes its Content-Security-Policy to match: the CDN origin leaves script-src;
 * the new origin joins it unless it is the page's own (`'self'` covers that). Throws when the page
 * does not have exactly one CDN office.js tag and one CSP whose script-src names the CDN, so that a
 * template change cannot silently leave the CDN in place.
 */
function rewriteOfficeJs(html, officeJsUrl, pageBaseUrl = DEV_BASE_URL) {
  const target = new URL(officeJsUrl);
  if (target.protocol !== 'https:') throw new Error(`office.js must be loaded over https, got "${officeJsUrl}"`);
  const pageOrigin = new URL(pageBaseUrl).origin;

  const tags = html.match(OFFICE_JS_TAG) ?? [];
  if (tags.length !== 1) throw new Error(`expected one <script src="${OFFICE_JS_CDN}"> tag, found ${tags.length}`);
  const metas = html.match(CSP_META) ?? [];
  if (metas.length !== 1) throw new Error(`expected one Content-Security-Policy meta tag, found ${metas.length}`);

  let out = html.replace(OFFICE_JS_TAG, () => `<script src="${escapeAttribute(target.href)}"></script>`);
  out = out.replace(CSP_META, (_all, open, policy, close) => {
    const directives = policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
    const index = directives.findIndex((d) => /^script-src\s/i.test(d));
    if (index < 0) throw new Error('the Content-Security-Policy has no script-src directive');
    const sources = directives[index].split(/\s+/).slice(1);
    if (!sources.includes(OFFICE_JS_CDN_ORIGIN))
      throw new Error(`script-src does not name ${OFFICE_JS_CDN_ORIGIN}: "${directives[index]}"`);
    const kept = sources.filter((s) => s !== OFFICE_JS_CDN_ORIGIN);
    if (target.origin !== pageOrigin && !kept.includes(target.origin)) kept.push(target.origin);
    directives[index] = ['script-src', ...kept].join(' ');
    return `${open}${directives.join('; ')}${close}`;
  });
  if (target.origin !== OFFICE_JS_CDN_ORIGIN && out.includes(OFFICE_JS_CDN_ORIGIN.replace('https://', ''))) {
    throw new Error(`the page still mentions ${OFFICE_JS_CDN_ORIGIN} after the rewrite`);
  }
  return out;
}

// ============================================================================ command line

function parseArgs(argv) {
  const args = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--url-prod') args.urlProd = argv[++i];
    else if (a === '--office-js') args.officeJs = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '-h' || a === '--help') args.help = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.positional.push(a);
  }
  return args;
}

const USAGE = [
  'usage:',
  '  node scripts/deploy-urls.js manifest --url-prod https://HOST/PATH/ [manifest.xml] [--out FILE]',
  '  node scripts/deploy-urls.js dist DIR --url-prod https://HOST/PATH/ [--office-js URL|PATH]',
].join('\n');

function main(argv) {
  const args = parseArgs(argv);
  const [command, target] = args.positional;
  if (args.help || !command) {
    console.log(USAGE);
    return args.help ? 0 : 2;
  }
  if (args.urlProd === undefined) throw new Error('--url-prod is required');
  const baseUrl = normaliseBaseUrl(args.urlProd);

  if (command === 'manifest') {
    const file = target ?? 'manifest.xml';
    const xml = rewriteManifestUrls(fs.readFileSync(file, 'utf8'), baseUrl);
    if (args.out) fs.writeFileSync(args.out, xml);
    else process.stdout.write(xml);
    return 0;
  }

  if (command === 'dist') {
    if (!target) throw new Error('dist needs the folder to retarget, e.g. dist');
    const writes = [];
    const manifestFile = path.join(target, 'manifest.xml');
    const manifest = fs.readFileSync(manifestFile, 'utf8');
    if (!manifest.includes(DEV_BASE_URL)) {
      throw new Error(
        `${manifestFile} has no ${DEV_BASE_URL} URLs: it was built for another host already; start again from a build without --env urlProd`,
      );
    }
    writes.push([manifestFile, rewriteManifestUrls(manifest, baseUrl)]);
    if (args.officeJs !== undefined) {
      const officeJs = resolveOfficeJsUrl(args.officeJs, baseUrl);
      for (const page of OFFICE_JS_PAGES) {
        const file = path.join(target, page);
        writes.push([file, rewriteOfficeJs(fs.readFileSync(file, 'utf8'), officeJs, baseUrl)]);
      }
    }
    // Everything was read and rewritten before the first write: a refusal leaves the folder untouched.
    for (const [file, text] of writes) {
      fs.writeFileSync(file, text);
      console.log(`rewrote ${file}`);
    }
    return 0;
  }

  throw new Error(`unknown command "${command}"\n${USAGE}`);
}

module.exports = {
  DEV_BASE_URL,
  DEV_ORIGIN,
  OFFICE_JS_CDN,
  OFFICE_JS_CDN_ORIGIN,
  OFFICE_JS_PAGES,
  normaliseBaseUrl,
  rewriteManifestUrls,
  resolveOfficeJsUrl,
  rewriteOfficeJs,
  main,
};

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(`deploy-urls: ${e.message}`);
    process.exitCode = 1;
  }
}
