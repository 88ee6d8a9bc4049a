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
 *
 * Why the manifest is not retargeted with office-addin-manifest (a devDependency, which
 * scripts/check-manifest.ts reads manifests with): its offline API is
 *   - OfficeAddinManifest.readManifestFile(path) → ManifestInfo: read only; of the URLs it has IconUrl,
 *     HighResolutionIconUrl, SupportUrl, AppDomains and DefaultSettings/SourceLocation, but none of the
 *     VersionOverrides resources (bt:Images, bt:Urls) the ribbon and the function file use;
 *   - OfficeAddinManifest.modifyManifestFile(path, guid?, displayName?): sets <Id> and DisplayName's
 *     DefaultValue, nothing else, and writes the whole file back through xml2js's Builder: comments are
 *     dropped, the root's attributes joined on one line, standalone="yes" added to the declaration;
 *   - its xml helpers (setXmlElementAttributeValue …) change the xml2js object, which only that
 *     Builder writes back, with the same losses.
 * No part of it sets a URL and keeps the file otherwise as written; it is also asynchronous (webpack's
 * copy transformer here is not) and needs npm and Node ≥ 20.19 for its ES-module-only dependencies,
 * which the bare-Node use above cannot count on. So rewriteManifestUrls rewrites the text itself, and
 * only where a manifest holds a URL: DefaultValue and Value attributes, and AppDomain elements; every
 * other byte (comments included) stays. test/deploy-urls.test.ts reads the result back with
 * office-addin-manifest.
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

const escapeRegExp = (value) => value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const escapeXml = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The dev server's URL `url` (as written in the XML) moved to `baseUrl`; any other URL as it is. */
function retarget(url, baseUrl, origin) {
  if (url.startsWith(DEV_BASE_URL)) return escapeXml(baseUrl) + url.slice(DEV_BASE_URL.length);
  return url === DEV_ORIGIN ? escapeXml(origin) : url;
}

// What the rewrite looks at, in one pass: comments, CDATA sections and processing instructions (kept as
// they are), an AppDomain element's text, and start tags (attribute values may hold ">").
const MANIFEST_TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|(<((?:[\w.-]+:)?AppDomain)\s*>)(\s*)([^<]*?)(\s*<\/\2\s*>)|<[A-Za-z_][\w.:-]*(?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/g;
// One attribute after another, each consumed whole, so that nothing inside a value is taken for an attribute.
const ATTRIBUTE = /(\s+([\w.:-]+)\s*=\s*)(?:"([^"]*)"|'([^']*)')/g;
const URL_ATTRIBUTES = ['DefaultValue', 'Value'];
const COMMENT = /<!--[\s\S]*?-->/g;
const DEV_HOST_NAME = DEV_ORIGIN.replace('https://', '');
/** The dev server's host and port, not a longer port that starts the same (localhost:30001). */
const DEV_HOST = new RegExp(`${escapeRegExp(DEV_HOST_NAME)}(?!\\d)`);

/**
 * Points every dev-server URL in the manifest at `baseUrl` (AppDomain entries get its origin): the
 * DefaultValue and Value attributes and AppDomain elements that start with https://localhost:3000.
 * Nothing else changes, comments included. Throws when the dev server is still named outside a comment
 * afterwards (a URL somewhere this does not know), naming the line, rather than leave it pointing there.
 */
function rewriteManifestUrls(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const out = xml.replace(MANIFEST_TOKEN, (token, open, _name, lead, domain, close) => {
    if (open !== undefined) return `${open}${lead}${retarget(domain, baseUrl, origin)}${close}`;
    if (token.startsWith('<!') || token.startsWith('<?')) return token;
    return token.replace(ATTRIBUTE, (all, before, name, double, single) => {
      if (!URL_ATTRIBUTES.includes(name.slice(name.indexOf(':') + 1))) return all;
      const quote = double !== undefined ? '"' : "'";
      return `${before}${quote}${retarget(double ?? single, baseUrl, origin)}${quote}`;
    });
  });
  const left = out.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, ' ')).search(DEV_HOST);
  if (new URL(baseUrl).origin !== DEV_ORIGIN && left >= 0) {
    const line = out.slice(0, left).split('\n').length;
    throw new Error(
      `manifest line ${line} still names ${DEV_HOST_NAME} where this rewrite does not look (DefaultValue, Value, AppDomain); change it by hand`,
    );
  }
  return out;
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
