/**
 * Structural check of the add-in's XML manifest: the rules this project holds its manifest to, on the
 * manifest as office-addin-manifest reads it. `OfficeAddinManifest.readManifestFile` gives the identity
 * fields (ManifestInfo); the package's XML handler (ManifestHandlerXml.parseXmlAsync, xml2js) gives the
 * whole document, which this file turns into a namespace-aware tree for the rules below. The package's
 * `validate` needs Microsoft's service and is not used.
 *
 * The XSD check (xmllint against ../shared/schemas/office-manifest) runs in .ci/run only, because the
 * schemas are not part of the project. It also catches what xml2js lets through (a second root element,
 * a duplicated attribute, text after the root), which this check does not repeat.
 *
 *   await checkManifestFile(file, { baseUrl, assetsDir })  → { ok, errors, summary }
 *
 * Command line (e.g. for a production build):
 *   npx tsx scripts/check-manifest.ts dist/manifest.xml --base-url https://intranet.example/ogi/ --assets dist/assets
 * exits 1 and lists the problems when there are any; `--json` prints the results of every file given as JSON.
 *
 * office-addin-manifest's dependencies are partly ES modules only: this file runs under tsx or Node ≥ 20.19,
 * not inside jest (the tests run it as a child process, test/manifest-check.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { OfficeAddinManifest, type ManifestInfo } from 'office-addin-manifest';
import { ManifestHandlerXml } from 'office-addin-manifest/lib/manifestHandler/manifestHandlerXml';

// ============================================================================ the document as a tree

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  taskpaneOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
} as const;

export interface XmlAttribute {
  /** Qualified name as written, e.g. "xsi:type". */
  name: string;
  local: string;
  /** Namespace URI; '' for unprefixed attributes (they are in no namespace). */
  ns: string;
  value: string;
}

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  local: string;
  /** Resolved namespace URI ('' when none is in scope). */
  ns: string;
  attributes: XmlAttribute[];
  /** Children grouped by name in the order each name first appears (xml2js keeps no finer order). */
  children: XmlElement[];
  /** Character data directly inside this element (entities decoded, CDATA included). */
  text: string;
  /** Where the element is, e.g. OfficeApp/VersionOverrides/Resources/bt:Images/bt:Image[2]. */
  path: string;
}

function splitName(qname: string, scope: ReadonlyMap<string, string>, isAttribute: boolean): { local: string; ns: string } {
  const colon = qname.indexOf(':');
  if (colon < 0) return { local: qname, ns: isAttribute ? '' : (scope.get('') ?? '') };
  const prefix = qname.slice(0, colon);
  const ns = scope.get(prefix);
  if (ns === undefined) throw new Error(`namespace prefix "${prefix}" of <${qname}> is not declared`);
  return { local: qname.slice(colon + 1), ns };
}

/** One xml2js element (default options: attributes under "$", text under "_" or the element itself a string). */
function toElement(name: string, raw: unknown, parentScope: ReadonlyMap<string, string>, where: string): XmlElement {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const rawAttributes = Object.entries((obj.$ ?? {}) as Record<string, string>);
  const scope = new Map(parentScope);
  for (const [key, value] of rawAttributes) {
    if (key === 'xmlns') scope.set('', value);
    else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
  }
  const attributes = rawAttributes
    .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
    .map(([key, value]) => ({ name: key, ...splitName(key, scope, true), value }));
  const text = typeof raw === 'string' ? raw : typeof obj._ === 'string' ? obj._ : '';
  const el: XmlElement = { name, ...splitName(name, scope, false), attributes, children: [], text, path: where };
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$' || key === '_') continue;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => el.children.push(toElement(key, item, scope, `${where}/${key}${items.length > 1 ? `[${i + 1}]` : ''}`)));
  }
  return el;
}

/** The root element of a document parsed by office-addin-manifest (xml2js, explicit root). */
export function rootElement(parsed: unknown): XmlElement {
  const entries: [string, unknown][] = typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : [];
  if (entries.length !== 1) throw new Error('no root element');
  const [name, raw] = entries[0];
  return toElement(name, raw, new Map([['xml', NS.xml]]), name);
}

// Small tree helpers.
export const kids = (el: XmlElement | null | undefined, local?: string): XmlElement[] =>
  el ? el.children.filter((c) => local === undefined || c.local === local) : [];
export const kid = (el: XmlElement | null | undefined, local: string): XmlElement | null => kids(el, local)[0] ?? null;
export const attr = (el: XmlElement | null | undefined, name: string): string | null =>
  el?.attributes.find((a) => a.name === name && a.ns === '')?.value ?? null;
/** The local part of xsi:type, whatever prefix the document binds to the XSI namespace. */
export const xsiType = (el: XmlElement | null | undefined): string | null => {
  const v = el?.attributes.find((a) => a.local === 'type' && a.ns === NS.xsi)?.value;
  return v === undefined ? null : v.slice(v.indexOf(':') + 1);
};
export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const where = (el: XmlElement): string => `<${el.path}>`;
/** A ManifestInfo field as text: xml2js gives a string for an element with text only. */
const infoText = (value: unknown): string | null => (value === undefined ? null : typeof value === 'string' ? value.trim() : '');

// ============================================================================ manifest rules

/** Top-level children of a TaskPaneApp in the order OfficeAppManifestV1_1.xsd requires. */
export const TOP_LEVEL_ORDER: readonly string[] = (
  'Id AlternateId Version ProviderName DefaultLocale DisplayName Description IconUrl HighResolutionIconUrl SupportUrl AppDomains ' +
  'Hosts Requirements DefaultSettings Permissions Dictionary VersionOverrides'
).split(' ');

/** Elements this project's manifest must have (the XSD's required ones and ours). */
export const TOP_LEVEL_REQUIRED: readonly string[] = TOP_LEVEL_ORDER.filter(
  (name) => !['AlternateId', 'AppDomains', 'Dictionary'].includes(name),
);

export const DEV_BASE_URL = 'https://localhost:3000/';
export const SHORT_MAX = 125;
export const LONG_MAX = 250;
export const REFERENCE_ID_MAX = 32;
export const URL_MAX = 2048;
export const OVERRIDE_LOCALE = 'en-US';
/** Ribbon icon sizes Office requires for every group and control. */
export const REQUIRED_ICON_SIZES = [16, 32, 80];
/** Id of Microsoft's task-pane template: a manifest that still carries it was not given its own. */
const TEMPLATE_ID = '05c2e1c9-3e1d-406e-9a91-e9ac64854143';

export type ResourceKind = 'image' | 'url' | 'short' | 'long';
const RESOURCE_SECTIONS: Record<string, { kind: ResourceKind; item: string }> = {
  Images: { kind: 'image', item: 'Image' },
  Urls: { kind: 'url', item: 'Url' },
  ShortStrings: { kind: 'short', item: 'String' },
  LongStrings: { kind: 'long', item: 'String' },
};
/** Which kind of resource a resid on an element of this name must point to. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'image',
  SourceLocation: 'url',
  FunctionFile: 'url',
  LearnMoreUrl: 'url',
  Label: 'short',
  Title: 'short',
  Namespace: 'short',
  Description: 'long',
};

export interface CheckOptions {
  /** Base URL every page and icon must live under, with trailing slash. Default https://localhost:3000/. */
  baseUrl?: string;
  /** Folder that `${baseUrl}assets/X` maps to; each such icon must exist there as a PNG of the right size. Default: assets/ beside the manifest. */
  assetsDir?: string;
}

export interface RibbonControl {
  id: string;
  label: string | null;
  action: string | null;
  taskpaneId?: string | null;
  sourceLocation?: string | null;
  functionName?: string | null;
}

export interface ManifestSummary {
  id: string | null;
  version: string | null;
  defaultLocale: string | null;
  displayName: string | null;
  permissions: string | null;
  requirementSets: { name: string; minVersion: string | null }[];
  urls: string[];
  resources: Record<ResourceKind, string[]>;
  controls: RibbonControl[];
  /** What office-addin-manifest's readManifestFile reads (null when the file could not be read). */
  info: ManifestInfo | null;
}

export interface CheckResult {
  ok: boolean;
  errors: string[];
  summary: ManifestSummary;
}

/** What every rule shares: the options, the errors found so far and the summary being filled in. */
interface Check {
  baseUrl: string;
  assetsDir: string;
  errors: string[];
  summary: ManifestSummary;
  err(message: string): void;
}

type Resources = Map<string, { kind: ResourceKind; el: XmlElement }>;

const charLength = (s: string): number => Array.from(s).length;

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const buf = fs.readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || signature.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Root, XSD order of the top-level elements and their namespaces; returns them by local name. */
function checkTopLevel(c: Check, root: XmlElement): Map<string, XmlElement> {
  if (xsiType(root) !== 'TaskPaneApp') c.err(`OfficeApp xsi:type must be TaskPaneApp, found ${xsiType(root)}`);
  const top = new Map<string, XmlElement>();
  let lastIndex = -1;
  let lastName = '';
  for (const child of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(child.local);
    if (index < 0) {
      c.err(`unexpected top-level element ${where(child)}`);
      continue;
    }
    const expectedNs = child.local === 'VersionOverrides' ? NS.taskpaneOverrides : NS.app;
    if (child.ns !== expectedNs) c.err(`${where(child)} must be in namespace ${expectedNs}, found "${child.ns}"`);
    if (top.has(child.local)) c.err(`${where(child)} appears more than once`);
    else if (index < lastIndex) c.err(`${where(child)} must come before ${lastName} (XSD order: ${TOP_LEVEL_ORDER.join(', ')})`);
    top.set(child.local, child);
    if (index > lastIndex) {
      lastIndex = index;
      lastName = child.local;
    }
  }
  for (const name of TOP_LEVEL_REQUIRED) if (!top.has(name)) c.err(`missing top-level <${name}>`);
  return top;
}

/** Id, Version, ProviderName, DefaultLocale, Hosts and Permissions, as office-addin-manifest reads them. */
function checkIdentity(c: Check, info: ManifestInfo, top: Map<string, XmlElement>): void {
  const id = infoText(info.id);
  c.summary.id = id;
  if (id !== null) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) c.err(`Id "${id}" is not a GUID`);
    else if (/^[0-]+$/.test(id) || id.toLowerCase() === TEMPLATE_ID) c.err(`Id "${id}" is a placeholder, not this add-in's own GUID`);
  }
  const version = infoText(info.version);
  c.summary.version = version;
  if (version !== null && !/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) c.err(`Version "${version}" must look like a.b.c.d`);
  const provider = infoText(info.providerName);
  if (provider !== null && (provider === '' || charLength(provider) > SHORT_MAX)) c.err(`ProviderName must be 1..${SHORT_MAX} characters`);
  const locale = infoText(info.defaultLocale);
  c.summary.defaultLocale = locale;
  if (locale !== null && locale !== 'zh-CN') c.err(`DefaultLocale must be zh-CN, found "${locale}"`);
  c.summary.displayName = info.displayName ?? null;

  const hostNames = info.hosts ?? [];
  if (top.has('Hosts') && !hostNames.includes('Workbook'))
    c.err(`Hosts must include <Host Name="Workbook"/>, found ${JSON.stringify(hostNames)}`);
  const permissions = infoText(info.permissions);
  c.summary.permissions = permissions;
  if (permissions !== null && permissions !== 'ReadWriteDocument')
    c.err(`Permissions must be ReadWriteDocument (needed for the Excel APIs), found "${permissions}"`);
}

/** A locale-aware string: DefaultValue within `max` characters, every Override complete, one for en-US. */
function checkLocalised(c: Check, el: XmlElement, max: number, label: string): void {
  const value = attr(el, 'DefaultValue');
  if (value === null || value.trim() === '') c.err(`${label} ${where(el)} has no DefaultValue`);
  else if (charLength(value) > max) c.err(`${label} ${where(el)} is ${charLength(value)} characters, more than ${max}`);
  const overrides = kids(el, 'Override');
  for (const o of overrides) {
    const v = attr(o, 'Value') ?? '';
    if (!attr(o, 'Locale')) c.err(`${label} override ${where(o)} has no Locale`);
    if (v.trim() === '') c.err(`${label} override ${where(o)} has an empty Value`);
    else if (charLength(v) > max) c.err(`${label} override ${where(o)} is ${charLength(v)} characters, more than ${max}`);
  }
  if (!overrides.some((o) => attr(o, 'Locale') === OVERRIDE_LOCALE)) c.err(`${label} ${where(el)} has no ${OVERRIDE_LOCALE} override`);
}

function checkUrl(c: Check, value: string | null, context: string): void {
  if (value === null) {
    c.err(`${context} has no URL`);
    return;
  }
  c.summary.urls.push(value);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    c.err(`${context}: "${value}" is not a valid URL`);
    return;
  }
  if (parsed.protocol !== 'https:') c.err(`${context}: "${value}" must use https`);
  else if (!value.startsWith(c.baseUrl)) c.err(`${context}: "${value}" is not under ${c.baseUrl}`);
  if (value.length > URL_MAX) c.err(`${context}: URL longer than ${URL_MAX} characters`);
}

/** A URL setting: its DefaultValue and every Override's Value. */
function checkUrlSetting(c: Check, el: XmlElement, context: string): void {
  checkUrl(c, attr(el, 'DefaultValue'), `${context} ${where(el)}`);
  for (const o of kids(el, 'Override')) checkUrl(c, attr(o, 'Value'), `${context} override ${where(o)}`);
}

/** DisplayName, Description, the top-level URLs, AppDomains, Requirements and DefaultSettings. */
function checkSettings(c: Check, info: ManifestInfo, top: Map<string, XmlElement>, root: XmlElement): void {
  const displayName = top.get('DisplayName');
  if (displayName) checkLocalised(c, displayName, SHORT_MAX, 'DisplayName');
  const description = top.get('Description');
  if (description) checkLocalised(c, description, LONG_MAX, 'Description');
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = top.get(name);
    if (el) checkUrlSetting(c, el, name);
  }
  for (const value of (info.appDomains ?? []).map(infoText)) {
    if (value === null) continue;
    let valid = value.startsWith('https://');
    try {
      new URL(value);
    } catch {
      valid = false;
    }
    if (!valid) c.err(`AppDomain "${value}" must be an https URL`);
    c.summary.urls.push(value);
  }
  const devOrigin = new URL(DEV_BASE_URL).origin;
  const devHost = devOrigin.replace('https://', '');
  const mentions = (el: XmlElement): boolean => el.text.includes(devHost) || el.attributes.some((a) => a.value.includes(devHost));
  if (new URL(c.baseUrl).origin !== devOrigin && [...walk(root)].some(mentions)) {
    c.err(`the manifest still mentions ${devOrigin} although its base URL is ${c.baseUrl}`);
  }

  const sets = kids(kid(top.get('Requirements'), 'Sets'), 'Set');
  c.summary.requirementSets = sets.map((s) => ({ name: attr(s, 'Name') ?? '', minVersion: attr(s, 'MinVersion') }));
  const excelApi = c.summary.requirementSets.find((s) => s.name === 'ExcelApi');
  if (top.has('Requirements')) {
    if (!excelApi) c.err('Requirements must name the ExcelApi set');
    else if (!excelApi.minVersion || !/^\d+\.\d+$/.test(excelApi.minVersion))
      c.err(`ExcelApi needs a MinVersion like 1.8, found "${excelApi.minVersion}"`);
  }
  const defaultSettings = top.get('DefaultSettings');
  const source = kid(defaultSettings, 'SourceLocation');
  if (defaultSettings && !source) c.err('DefaultSettings has no SourceLocation');
  if (source) {
    checkUrlSetting(c, source, 'DefaultSettings/SourceLocation');
    if (info.defaultSettings?.sourceLocation !== `${c.baseUrl}taskpane.html`)
      c.err(`DefaultSettings/SourceLocation must be ${c.baseUrl}taskpane.html`);
  }
}

/** Resources by id: each in its bt: section, ids unique and short, values checked by kind. */
function collectResources(c: Check, overrides: XmlElement): Resources {
  const resources: Resources = new Map();
  const resourceEl = kid(overrides, 'Resources');
  if (!resourceEl) c.err('VersionOverrides has no Resources');
  for (const section of kids(resourceEl)) {
    const spec = RESOURCE_SECTIONS[section.local];
    if (!spec || section.ns !== NS.bt) {
      c.err(`unexpected element ${where(section)} in Resources`);
      continue;
    }
    for (const item of kids(section)) {
      if (item.local !== spec.item || item.ns !== NS.bt) {
        c.err(`unexpected element ${where(item)} in ${section.name}`);
        continue;
      }
      const rid = attr(item, 'id');
      if (!rid) {
        c.err(`${where(item)} has no id`);
        continue;
      }
      if (charLength(rid) > REFERENCE_ID_MAX) c.err(`resource id "${rid}" is longer than ${REFERENCE_ID_MAX} characters`);
      if (resources.has(rid)) c.err(`resource id "${rid}" is defined more than once`);
      resources.set(rid, { kind: spec.kind, el: item });
      c.summary.resources[spec.kind].push(rid);
      if (spec.kind === 'image' || spec.kind === 'url') checkUrlSetting(c, item, `resource "${rid}"`);
      else checkLocalised(c, item, spec.kind === 'short' ? SHORT_MAX : LONG_MAX, `${spec.kind} string "${rid}"`);
    }
  }
  return resources;
}

/** Every resid resolves to a resource of the kind its element needs, and every resource is used. */
function checkReferences(c: Check, overrides: XmlElement, resources: Resources): void {
  const referenced = new Set<string>();
  for (const el of walk(overrides)) {
    const resid = attr(el, 'resid');
    if (resid === null) continue;
    referenced.add(resid);
    const wanted = RESID_KIND[el.local];
    const found = resources.get(resid);
    if (!wanted) c.err(`${where(el)} carries resid="${resid}" but is not a resource reference this check knows`);
    else if (!found) c.err(`${where(el)} refers to resid="${resid}", which Resources does not define`);
    else if (found.kind !== wanted)
      c.err(`${where(el)} refers to resid="${resid}", a ${found.kind} resource, but needs a ${wanted} resource`);
  }
  for (const [rid, { el }] of resources) if (!referenced.has(rid)) c.err(`resource "${rid}" ${where(el)} is never used`);
}

/** The DefaultValue of the resource of `kind` that `el`'s resid names. */
function resolve(resources: Resources, el: XmlElement | null, kind: ResourceKind): string | null {
  const rid = attr(el, 'resid');
  const r = rid === null ? undefined : resources.get(rid);
  return r && r.kind === kind ? attr(r.el, 'DefaultValue') : null;
}

/** With an assets folder: the icon at `url` exists there as a PNG of `size`×`size`. */
function checkIconFile(c: Check, url: string | null, size: number, context: string): void {
  const prefix = `${c.baseUrl}assets/`;
  if (url === null || !url.startsWith(prefix)) return;
  const rel = decodeURIComponent(url.slice(prefix.length));
  if (rel.split('/').includes('..')) {
    c.err(`${context}: "${url}" leaves the assets folder`);
    return;
  }
  const file = path.join(c.assetsDir, rel);
  if (!fs.existsSync(file)) {
    c.err(`${context}: ${url} has no file ${file}`);
    return;
  }
  const dims = pngSize(file);
  if (!dims) c.err(`${context}: ${file} is not a PNG`);
  else if (dims.width !== size || dims.height !== size)
    c.err(`${context}: ${file} is ${dims.width}x${dims.height}, expected ${size}x${size}`);
}

/** A group's or control's Icon: the required sizes, each an existing PNG of that size. */
function checkIconList(c: Check, resources: Resources, owner: XmlElement, context: string): void {
  const icon = kid(owner, 'Icon');
  if (!icon) {
    c.err(`${context} ${where(owner)} has no Icon`);
    return;
  }
  const sizes = new Set<number>();
  for (const image of kids(icon, 'Image')) {
    const size = Number(attr(image, 'size'));
    sizes.add(size);
    checkIconFile(c, resolve(resources, image, 'image'), size, `${context} icon ${size}`);
  }
  for (const s of REQUIRED_ICON_SIZES) if (!sizes.has(s)) c.err(`${context} ${where(owner)} has no ${s}px icon`);
}

/** One ribbon button: a Button with a Supertip and icons, showing the task pane or running a function. */
function checkControl(c: Check, resources: Resources, control: XmlElement): RibbonControl {
  const cid = attr(control, 'id') ?? '';
  const context = `control "${cid}"`;
  if (xsiType(control) !== 'Button') c.err(`${context} must be xsi:type="Button"`);
  const supertip = kid(control, 'Supertip');
  if (!supertip || !kid(supertip, 'Title') || !kid(supertip, 'Description'))
    c.err(`${context} needs a Supertip with Title and Description`);
  checkIconList(c, resources, control, context);
  const action = kid(control, 'Action');
  const info: RibbonControl = { id: cid, label: resolve(resources, kid(control, 'Label'), 'short'), action: xsiType(action) };
  if (info.action === 'ShowTaskpane') {
    info.taskpaneId = kid(action, 'TaskpaneId')?.text.trim() ?? null;
    info.sourceLocation = resolve(resources, kid(action, 'SourceLocation'), 'url');
  } else if (info.action === 'ExecuteFunction') {
    info.functionName = kid(action, 'FunctionName')?.text.trim() ?? null;
  } else c.err(`${context} has no ShowTaskpane or ExecuteFunction Action`);
  return info;
}

/** The Home tab's groups and buttons: one opens the task pane, one runs insertAllTables. */
function checkRibbon(c: Check, resources: Resources, desktop: XmlElement): void {
  const surface = kids(desktop, 'ExtensionPoint').find((e) => xsiType(e) === 'PrimaryCommandSurface') ?? null;
  if (!surface) c.err('DesktopFormFactor has no ExtensionPoint xsi:type="PrimaryCommandSurface"');
  const homeTab = kids(surface, 'OfficeTab').find((t) => attr(t, 'id') === 'TabHome') ?? null;
  if (surface && !homeTab) c.err('the ribbon has no <OfficeTab id="TabHome">');
  const groups = kids(homeTab, 'Group');
  if (homeTab && groups.length === 0) c.err('the Home tab has no Group');
  const controlIds = new Set<string>();
  for (const group of groups) {
    if (!resolve(resources, kid(group, 'Label'), 'short')) c.err(`group ${where(group)} has no label`);
    checkIconList(c, resources, group, `group "${attr(group, 'id')}"`);
    for (const control of kids(group, 'Control')) {
      const info = checkControl(c, resources, control);
      if (controlIds.has(info.id)) c.err(`control id "${info.id}" is used twice`);
      controlIds.add(info.id);
      c.summary.controls.push(info);
    }
  }
  const show = c.summary.controls.find((b) => b.action === 'ShowTaskpane');
  if (!show) c.err('the ribbon has no ShowTaskpane button');
  else {
    if (show.taskpaneId !== 'ButtonId1') c.err(`the ShowTaskpane button must use TaskpaneId ButtonId1, found ${show.taskpaneId}`);
    if (show.sourceLocation !== `${c.baseUrl}taskpane.html`)
      c.err(`the ShowTaskpane button must open ${c.baseUrl}taskpane.html, found ${show.sourceLocation}`);
  }
  if (!c.summary.controls.some((b) => b.action === 'ExecuteFunction' && b.functionName === 'insertAllTables')) {
    c.err('the ribbon has no ExecuteFunction button running insertAllTables');
  }
}

/** VersionOverrides: resources, references, icons, the Workbook host's Get Started, function file and ribbon. */
function checkVersionOverrides(c: Check, overrides: XmlElement, top: Map<string, XmlElement>): void {
  if (xsiType(overrides) !== 'VersionOverridesV1_0')
    c.err(`VersionOverrides xsi:type must be VersionOverridesV1_0, found ${xsiType(overrides)}`);
  const resources = collectResources(c, overrides);
  checkReferences(c, overrides, resources);
  checkIconFile(c, attr(top.get('IconUrl'), 'DefaultValue'), 32, 'IconUrl');
  checkIconFile(c, attr(top.get('HighResolutionIconUrl'), 'DefaultValue'), 64, 'HighResolutionIconUrl');

  const workbook = kids(kid(overrides, 'Hosts'), 'Host').find((h) => xsiType(h) === 'Workbook') ?? null;
  if (!workbook) c.err('VersionOverrides/Hosts has no Host xsi:type="Workbook"');
  const desktop = kid(workbook, 'DesktopFormFactor');
  if (workbook && !desktop) c.err('the Workbook host has no DesktopFormFactor');
  if (!desktop) return;
  const getStarted = kid(desktop, 'GetStarted');
  if (!getStarted) c.err('DesktopFormFactor has no GetStarted');
  else for (const part of ['Title', 'Description', 'LearnMoreUrl']) if (!kid(getStarted, part)) c.err(`GetStarted has no ${part}`);
  const functionFile = kid(desktop, 'FunctionFile');
  const functionUrl = resolve(resources, functionFile, 'url');
  if (!functionFile) c.err('DesktopFormFactor has no FunctionFile');
  else if (functionUrl !== `${c.baseUrl}commands.html`)
    c.err(`FunctionFile must resolve to ${c.baseUrl}commands.html, found ${functionUrl}`);
  checkRibbon(c, resources, desktop);
}

/** Every rule on a manifest office-addin-manifest has read. */
function checkParsed(c: Check, info: ManifestInfo, root: XmlElement): void {
  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    c.err(`root element must be OfficeApp in namespace ${NS.app}, found ${root.name} in "${root.ns}"`);
    return;
  }
  const top = checkTopLevel(c, root);
  checkIdentity(c, info, top);
  checkSettings(c, info, top, root);
  const overrides = top.get('VersionOverrides');
  if (overrides) checkVersionOverrides(c, overrides, top);
}

/** Reads a manifest with office-addin-manifest and runs every rule; `errors` is empty when it passes. */
export async function checkManifestFile(file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const errors: string[] = [];
  const c: Check = {
    baseUrl: options.baseUrl ?? DEV_BASE_URL,
    assetsDir: options.assetsDir ?? path.join(path.dirname(file), 'assets'),
    errors,
    summary: {
      id: null,
      version: null,
      defaultLocale: null,
      displayName: null,
      permissions: null,
      requirementSets: [],
      urls: [],
      resources: { image: [], url: [], short: [], long: [] },
      controls: [],
      info: null,
    },
    err: (message) => errors.push(message),
  };
  const done = (): CheckResult => ({ ok: errors.length === 0, errors, summary: c.summary });
  if (!/^https:\/\/[^/?#]+(\/[^?#]*)?\/$/.test(c.baseUrl)) {
    c.err(`baseUrl "${c.baseUrl}" must be an https URL ending in "/"`);
    return done();
  }
  let root: XmlElement;
  try {
    // parseXmlAsync is typed `any` (xml2js's object); rootElement takes it as unknown and checks its shape.
    const parsed: unknown = await new ManifestHandlerXml(file).parseXmlAsync();
    root = rootElement(parsed);
    const info = await OfficeAddinManifest.readManifestFile(file);
    c.summary.info = info;
  } catch (e) {
    c.err(`not well-formed XML: ${(e as Error).message.replace(/\s*\n\s*/g, '; ')}`);
    return done();
  }
  checkParsed(c, c.summary.info, root);
  return done();
}

// ============================================================================ command line

async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  let baseUrl: string | undefined;
  let assetsDir: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') baseUrl = argv[++i];
    else if (a === '--assets') assetsDir = argv[++i];
    else if (a === '--json') json = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: check-manifest [manifest.xml …] [--base-url https://host/path/] [--assets dir] [--json]');
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) files.push('manifest.xml');
  if (baseUrl !== undefined && !baseUrl.endsWith('/')) baseUrl += '/';
  const results: (CheckResult & { file: string })[] = [];
  for (const file of files) results.push({ file, ...(await checkManifestFile(file, { baseUrl, assetsDir })) });
  if (json) console.log(JSON.stringify(results));
  for (const { file, ok, errors, summary } of json ? [] : results) {
    if (ok) console.log(`${file}: manifest check passed (base URL ${baseUrl ?? DEV_BASE_URL}, ${summary.controls.length} ribbon buttons)`);
    else console.error(`${file}: ${errors.length} manifest problem(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`check-manifest: ${(e as Error).message}`);
      process.exitCode = 2;
    },
  );
}
