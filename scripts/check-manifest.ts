/**
 * Structural check of the add-in's XML manifest, with no dependencies: a compact XML parser
 * (well-formedness and namespaces) and the rules this project holds its manifest to.
 *
 * The XSD check (xmllint against ../shared/schemas/office-manifest) runs in .ci/run only, because the
 * schemas are not part of the project; this file is the project's own check and runs everywhere.
 *
 *   checkManifest(xml, { baseUrl, assetsDir })  → { errors, summary }
 *
 * Command line (e.g. for a production build):
 *   npx tsx scripts/check-manifest.ts dist/manifest.xml --base-url https://intranet.example/ogi/ --assets dist/assets
 * exits 1 and lists the problems when there are any.
 */
import * as fs from 'fs';
import * as path from 'path';

// ============================================================================ XML parsing

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
  children: XmlElement[];
  /** Character data directly inside this element (entities decoded, CDATA included). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  parent: XmlElement | null;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

// Names are limited to ASCII here, which is all an add-in manifest uses.
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/y;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Characters XML 1.0 forbids outright (C0 controls other than tab, LF and CR).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Parses an XML document into an element tree, throwing XmlSyntaxError on anything that is not
 * well-formed: unclosed or mismatched tags, several roots, stray text, bad entities, duplicate
 * attributes, "--" inside comments, unbound prefixes. DOCTYPE declarations are refused.
 */
export function parseXml(source: string): XmlElement {
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (message: string, pos: number): never => {
    throw new XmlSyntaxError(message, lineAt(pos));
  };

  const forbidden = FORBIDDEN_CHAR.exec(src);
  if (forbidden) fail(`character U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed`, forbidden.index);

  const decode = (raw: string, pos: number): string => {
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const amp = raw.indexOf('&', i);
      if (amp < 0) {
        out += raw.slice(i);
        break;
      }
      out += raw.slice(i, amp);
      ENTITY.lastIndex = amp;
      const m = ENTITY.exec(raw);
      if (!m) fail('"&" does not start a valid entity reference', pos + amp);
      const e = m as RegExpExecArray;
      if (e[3]) out += NAMED_ENTITIES[e[3]];
      else {
        const code = e[1] ? parseInt(e[1], 16) : parseInt(e[2], 10);
        if (code === 0 || code > 0x10ffff) fail(`character reference ${e[0]} is out of range`, pos + amp);
        out += String.fromCodePoint(code);
      }
      i = amp + e[0].length;
    }
    return out;
  };

  const readName = (pos: number): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) fail('expected a name', pos);
    return (m as RegExpExecArray)[0];
  };
  const skipSpace = (pos: number): number => {
    while (pos < src.length && ' \t\r\n'.includes(src[pos])) pos++;
    return pos;
  };

  type Scope = Map<string, string>;
  const stack: { el: XmlElement; scope: Scope }[] = [];
  let root: XmlElement | null = null;
  let pos = 0;

  while (pos < src.length) {
    if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos + 2);
      if (end < 0) fail('unterminated processing instruction', pos);
      const target = readName(pos + 2);
      if (target.toLowerCase() === 'xml' && pos !== 0) fail('the XML declaration must come first', pos);
      pos = end + 2;
    } else if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment', pos);
      const body = src.slice(pos + 4, end);
      if (body.includes('--') || body.endsWith('-')) fail('a comment must not contain "--"', pos);
      pos = end + 3;
    } else if (src.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) fail('CDATA section outside the root element', pos);
      const end = src.indexOf(']]>', pos + 9);
      if (end < 0) fail('unterminated CDATA section', pos);
      stack[stack.length - 1].el.text += src.slice(pos + 9, end);
      pos = end + 3;
    } else if (src.startsWith('<!', pos)) {
      fail('DOCTYPE and other declarations are not supported', pos);
    } else if (src.startsWith('</', pos)) {
      const name = readName(pos + 2);
      const close = skipSpace(pos + 2 + name.length);
      if (src[close] !== '>') fail(`malformed end tag </${name}`, pos);
      const top = stack.pop();
      if (!top) fail(`end tag </${name}> without a start tag`, pos);
      if (top!.el.name !== name) fail(`end tag </${name}> does not match <${top!.el.name}> (line ${top!.el.line})`, pos);
      pos = close + 1;
    } else if (src[pos] === '<') {
      const start = pos;
      const name = readName(pos + 1);
      pos += 1 + name.length;
      const raw: { name: string; value: string }[] = [];
      let selfClosing = false;
      for (;;) {
        const afterSpace = skipSpace(pos);
        if (src.startsWith('/>', afterSpace)) {
          selfClosing = true;
          pos = afterSpace + 2;
          break;
        }
        if (src[afterSpace] === '>') {
          pos = afterSpace + 1;
          break;
        }
        if (afterSpace >= src.length) fail(`unterminated start tag <${name}`, start);
        if (afterSpace === pos) fail(`expected whitespace before an attribute in <${name}>`, afterSpace);
        const attrName = readName(afterSpace);
        let p = skipSpace(afterSpace + attrName.length);
        if (src[p] !== '=') fail(`attribute ${attrName} has no value`, p);
        p = skipSpace(p + 1);
        const quote = src[p];
        if (quote !== '"' && quote !== "'") fail(`value of attribute ${attrName} must be quoted`, p);
        const endQuote = src.indexOf(quote, p + 1);
        if (endQuote < 0) fail(`unterminated value of attribute ${attrName}`, p);
        const rawValue = src.slice(p + 1, endQuote);
        if (rawValue.includes('<')) fail(`"<" in the value of attribute ${attrName}`, p);
        if (raw.some((a) => a.name === attrName)) fail(`duplicate attribute ${attrName} in <${name}>`, afterSpace);
        // Attribute-value normalisation: literal whitespace characters become spaces.
        raw.push({ name: attrName, value: decode(rawValue.replace(/[\t\r\n]/g, ' '), p + 1) });
        pos = endQuote + 1;
      }

      const parentScope: Scope = stack.length ? stack[stack.length - 1].scope : new Map([['xml', NS.xml]]);
      const scope: Scope = new Map(parentScope);
      for (const a of raw) {
        if (a.name === 'xmlns') scope.set('', a.value);
        else if (a.name.startsWith('xmlns:')) scope.set(a.name.slice(6), a.value);
      }
      const split = (qname: string, isAttr: boolean): { prefix: string; local: string; ns: string } => {
        const colon = qname.indexOf(':');
        const prefix = colon < 0 ? '' : qname.slice(0, colon);
        const local = colon < 0 ? qname : qname.slice(colon + 1);
        if (prefix === '') return { prefix, local, ns: isAttr ? '' : (scope.get('') ?? '') };
        const ns = scope.get(prefix);
        if (ns === undefined) fail(`namespace prefix "${prefix}" is not declared`, start);
        return { prefix, local, ns: ns as string };
      };
      const q = split(name, false);
      const attributes: XmlAttribute[] = raw
        .filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:'))
        .map((a) => {
          const s = split(a.name, true);
          return { name: a.name, local: s.local, ns: s.ns, value: a.value };
        });
      for (let i = 0; i < attributes.length; i++) {
        for (let j = i + 1; j < attributes.length; j++) {
          if (attributes[i].ns && attributes[i].ns === attributes[j].ns && attributes[i].local === attributes[j].local) {
            fail(`attributes ${attributes[i].name} and ${attributes[j].name} are the same`, start);
          }
        }
      }

      const parent = stack.length ? stack[stack.length - 1].el : null;
      const el: XmlElement = { name, local: q.local, ns: q.ns, attributes, children: [], text: '', line: lineAt(start), parent };
      if (parent) parent.children.push(el);
      else if (root) fail(`second root element <${name}>`, start);
      else root = el;
      if (!selfClosing) stack.push({ el, scope });
    } else {
      const next = src.indexOf('<', pos);
      const end = next < 0 ? src.length : next;
      const rawText = src.slice(pos, end);
      if (stack.length === 0) {
        if (rawText.trim() !== '') fail('text outside the root element', pos);
      } else {
        if (rawText.includes(']]>')) fail('"]]>" is not allowed in text', pos);
        stack[stack.length - 1].el.text += decode(rawText, pos);
      }
      pos = end;
    }
  }
  if (stack.length) fail(`element <${stack[stack.length - 1].el.name}> is not closed`, src.length);
  if (!root) fail('no root element', 0);
  return root as XmlElement;
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
const where = (el: XmlElement): string => `<${el.name}> (line ${el.line})`;

// ============================================================================ manifest rules

/** Top-level children of a TaskPaneApp in the order OfficeAppManifestV1_1.xsd requires. */
export const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
] as const;

/** Elements this project's manifest must have (the XSD's required ones and ours). */
export const TOP_LEVEL_REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

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
  /** Folder that `${baseUrl}assets/X` maps to; when given, each such icon must exist there as a PNG of the right size. */
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
}

export interface CheckResult {
  ok: boolean;
  errors: string[];
  summary: ManifestSummary;
}

const charLength = (s: string): number => Array.from(s).length;

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const buf = fs.readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || signature.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Runs every rule on the manifest text; `errors` is empty when it passes. */
export function checkManifest(xml: string, options: CheckOptions = {}): CheckResult {
  const baseUrl = options.baseUrl ?? DEV_BASE_URL;
  const errors: string[] = [];
  const err = (message: string): void => {
    errors.push(message);
  };
  const summary: ManifestSummary = {
    id: null,
    version: null,
    defaultLocale: null,
    displayName: null,
    permissions: null,
    requirementSets: [],
    urls: [],
    resources: { image: [], url: [], short: [], long: [] },
    controls: [],
  };
  const done = (): CheckResult => ({ ok: errors.length === 0, errors, summary });

  if (!/^https:\/\/[^/?#]+(\/[^?#]*)?\/$/.test(baseUrl)) {
    err(`baseUrl "${baseUrl}" must be an https URL ending in "/"`);
    return done();
  }
  const baseOrigin = new URL(baseUrl).origin;

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    err(`not well-formed XML: ${(e as Error).message}`);
    return done();
  }

  // ---------------------------------------------------------------- root and order
  if (root.local !== 'OfficeApp' || root.ns !== NS.app) {
    err(`root element must be OfficeApp in namespace ${NS.app}, found ${root.name} in "${root.ns}"`);
    return done();
  }
  if (xsiType(root) !== 'TaskPaneApp') err(`OfficeApp xsi:type must be TaskPaneApp, found ${xsiType(root)}`);

  const top = new Map<string, XmlElement>();
  let lastIndex = -1;
  let lastName = '';
  for (const child of root.children) {
    const index = (TOP_LEVEL_ORDER as readonly string[]).indexOf(child.local);
    if (index < 0) {
      err(`unexpected top-level element ${where(child)}`);
      continue;
    }
    const expectedNs = child.local === 'VersionOverrides' ? NS.taskpaneOverrides : NS.app;
    if (child.ns !== expectedNs) err(`${where(child)} must be in namespace ${expectedNs}, found "${child.ns}"`);
    if (top.has(child.local)) err(`${where(child)} appears more than once`);
    else if (index < lastIndex) err(`${where(child)} must come before ${lastName} (XSD order: ${TOP_LEVEL_ORDER.join(', ')})`);
    top.set(child.local, child);
    if (index > lastIndex) {
      lastIndex = index;
      lastName = child.local;
    }
  }
  for (const name of TOP_LEVEL_REQUIRED) if (!top.has(name)) err(`missing top-level <${name}>`);

  // ---------------------------------------------------------------- identity
  const id = top.get('Id')?.text.trim() ?? null;
  summary.id = id;
  if (id !== null) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) err(`Id "${id}" is not a GUID`);
    else if (/^[0-]+$/.test(id) || id.toLowerCase() === TEMPLATE_ID) err(`Id "${id}" is a placeholder, not this add-in's own GUID`);
  }
  const version = top.get('Version')?.text.trim() ?? null;
  summary.version = version;
  if (version !== null && !/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) err(`Version "${version}" must look like a.b.c.d`);
  const provider = top.get('ProviderName')?.text.trim() ?? null;
  if (provider !== null && (provider === '' || charLength(provider) > SHORT_MAX)) err(`ProviderName must be 1..${SHORT_MAX} characters`);
  const locale = top.get('DefaultLocale')?.text.trim() ?? null;
  summary.defaultLocale = locale;
  if (locale !== null && locale !== 'zh-CN') err(`DefaultLocale must be zh-CN, found "${locale}"`);

  // ---------------------------------------------------------------- locale-aware strings
  const checkLocalised = (el: XmlElement, max: number, label: string): void => {
    const value = attr(el, 'DefaultValue');
    if (value === null || value.trim() === '') err(`${label} ${where(el)} has no DefaultValue`);
    else if (charLength(value) > max) err(`${label} ${where(el)} is ${charLength(value)} characters, more than ${max}`);
    const overrides = kids(el, 'Override');
    for (const o of overrides) {
      const v = attr(o, 'Value') ?? '';
      if (!attr(o, 'Locale')) err(`${label} override ${where(o)} has no Locale`);
      if (v.trim() === '') err(`${label} override ${where(o)} has an empty Value`);
      else if (charLength(v) > max) err(`${label} override ${where(o)} is ${charLength(v)} characters, more than ${max}`);
    }
    if (!overrides.some((o) => attr(o, 'Locale') === OVERRIDE_LOCALE)) err(`${label} ${where(el)} has no ${OVERRIDE_LOCALE} override`);
  };
  const displayName = top.get('DisplayName');
  if (displayName) {
    summary.displayName = attr(displayName, 'DefaultValue');
    checkLocalised(displayName, SHORT_MAX, 'DisplayName');
  }
  const description = top.get('Description');
  if (description) checkLocalised(description, LONG_MAX, 'Description');

  // ---------------------------------------------------------------- URLs
  const urlsSeen: string[] = [];
  const checkUrl = (value: string | null, context: string): void => {
    if (value === null) {
      err(`${context} has no URL`);
      return;
    }
    urlsSeen.push(value);
    let parsed: URL | null = null;
    try {
      parsed = new URL(value);
    } catch {
      err(`${context}: "${value}" is not a valid URL`);
      return;
    }
    if (parsed.protocol !== 'https:') err(`${context}: "${value}" must use https`);
    else if (!value.startsWith(baseUrl)) err(`${context}: "${value}" is not under ${baseUrl}`);
    if (value.length > URL_MAX) err(`${context}: URL longer than ${URL_MAX} characters`);
  };
  const checkUrlSetting = (el: XmlElement, context: string): void => {
    checkUrl(attr(el, 'DefaultValue'), `${context} ${where(el)}`);
    for (const o of kids(el, 'Override')) checkUrl(attr(o, 'Value'), `${context} override ${where(o)}`);
  };
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = top.get(name);
    if (el) checkUrlSetting(el, name);
  }
  for (const d of kids(top.get('AppDomains'), 'AppDomain')) {
    const value = d.text.trim();
    let origin: string | null = null;
    try {
      origin = new URL(value).origin;
    } catch {
      // reported below
    }
    if (!value.startsWith('https://') || origin === null) err(`AppDomain ${where(d)}: "${value}" must be an https URL`);
    urlsSeen.push(value);
  }
  const devOrigin = new URL(DEV_BASE_URL).origin;
  if (baseOrigin !== devOrigin && xml.includes(devOrigin.replace('https://', ''))) {
    err(`the manifest still mentions ${devOrigin} although its base URL is ${baseUrl}`);
  }

  // ---------------------------------------------------------------- hosts, requirements, settings, permissions
  const hostNames = kids(top.get('Hosts'), 'Host').map((h) => attr(h, 'Name'));
  if (top.has('Hosts') && !hostNames.includes('Workbook'))
    err(`Hosts must include <Host Name="Workbook"/>, found ${JSON.stringify(hostNames)}`);

  const sets = kids(kid(top.get('Requirements'), 'Sets'), 'Set');
  summary.requirementSets = sets.map((s) => ({ name: attr(s, 'Name') ?? '', minVersion: attr(s, 'MinVersion') }));
  const excelApi = summary.requirementSets.find((s) => s.name === 'ExcelApi');
  if (top.has('Requirements')) {
    if (!excelApi) err('Requirements must name the ExcelApi set');
    else if (!excelApi.minVersion || !/^\d+\.\d+$/.test(excelApi.minVersion))
      err(`ExcelApi needs a MinVersion like 1.8, found "${excelApi.minVersion}"`);
  }

  const defaultSettings = top.get('DefaultSettings');
  if (defaultSettings) {
    const source = kid(defaultSettings, 'SourceLocation');
    if (!source) err('DefaultSettings has no SourceLocation');
    else {
      checkUrlSetting(source, 'DefaultSettings/SourceLocation');
      if (attr(source, 'DefaultValue') !== `${baseUrl}taskpane.html`) err(`DefaultSettings/SourceLocation must be ${baseUrl}taskpane.html`);
    }
  }

  const permissions = top.get('Permissions')?.text.trim() ?? null;
  summary.permissions = permissions;
  if (permissions !== null && permissions !== 'ReadWriteDocument')
    err(`Permissions must be ReadWriteDocument (needed for the Excel APIs), found "${permissions}"`);

  // ---------------------------------------------------------------- VersionOverrides
  const overrides = top.get('VersionOverrides');
  if (!overrides) {
    summary.urls = urlsSeen;
    return done();
  }
  if (xsiType(overrides) !== 'VersionOverridesV1_0')
    err(`VersionOverrides xsi:type must be VersionOverridesV1_0, found ${xsiType(overrides)}`);

  // Resources by kind.
  const resources = new Map<string, { kind: ResourceKind; el: XmlElement }>();
  const resourceEl = kid(overrides, 'Resources');
  if (!resourceEl) err('VersionOverrides has no Resources');
  for (const section of kids(resourceEl)) {
    const spec = RESOURCE_SECTIONS[section.local];
    if (!spec || section.ns !== NS.bt) {
      err(`unexpected element ${where(section)} in Resources`);
      continue;
    }
    for (const item of kids(section)) {
      if (item.local !== spec.item || item.ns !== NS.bt) {
        err(`unexpected element ${where(item)} in ${section.name}`);
        continue;
      }
      const rid = attr(item, 'id');
      if (!rid) {
        err(`${where(item)} has no id`);
        continue;
      }
      if (charLength(rid) > REFERENCE_ID_MAX) err(`resource id "${rid}" is longer than ${REFERENCE_ID_MAX} characters`);
      if (resources.has(rid)) err(`resource id "${rid}" is defined more than once`);
      resources.set(rid, { kind: spec.kind, el: item });
      summary.resources[spec.kind].push(rid);
      if (spec.kind === 'image' || spec.kind === 'url') checkUrlSetting(item, `resource "${rid}"`);
      else
        checkLocalised(item, spec.kind === 'short' ? SHORT_MAX : LONG_MAX, `${spec.kind === 'short' ? 'short' : 'long'} string "${rid}"`);
    }
  }

  // Every resid resolves to a resource of the kind its element needs.
  const hostsEl = kid(overrides, 'Hosts');
  const referenced = new Set<string>();
  for (const el of walk(overrides)) {
    const resid = attr(el, 'resid');
    if (resid === null) continue;
    referenced.add(resid);
    const wanted = RESID_KIND[el.local];
    const found = resources.get(resid);
    if (!wanted) err(`${where(el)} carries resid="${resid}" but is not a resource reference this check knows`);
    else if (!found) err(`${where(el)} refers to resid="${resid}", which Resources does not define`);
    else if (found.kind !== wanted)
      err(`${where(el)} refers to resid="${resid}", a ${found.kind} resource, but needs a ${wanted} resource`);
  }
  for (const [rid, { el }] of resources) if (!referenced.has(rid)) err(`resource "${rid}" ${where(el)} is never used`);

  const urlOf = (el: XmlElement | null): string | null => {
    const rid = attr(el, 'resid');
    const r = rid === null ? undefined : resources.get(rid);
    return r && r.kind === 'url' ? attr(r.el, 'DefaultValue') : null;
  };
  const shortOf = (el: XmlElement | null): string | null => {
    const rid = attr(el, 'resid');
    const r = rid === null ? undefined : resources.get(rid);
    return r && r.kind === 'short' ? attr(r.el, 'DefaultValue') : null;
  };

  // Icons: required sizes, and (with assetsDir) an existing PNG of that size.
  const checkIconFile = (url: string | null, size: number, context: string): void => {
    if (!options.assetsDir || url === null) return;
    const prefix = `${baseUrl}assets/`;
    if (!url.startsWith(prefix)) return;
    const rel = decodeURIComponent(url.slice(prefix.length));
    if (rel.split('/').includes('..')) {
      err(`${context}: "${url}" leaves the assets folder`);
      return;
    }
    const file = path.join(options.assetsDir, rel);
    if (!fs.existsSync(file)) {
      err(`${context}: ${url} has no file ${file}`);
      return;
    }
    const dims = pngSize(file);
    if (!dims) err(`${context}: ${file} is not a PNG`);
    else if (dims.width !== size || dims.height !== size)
      err(`${context}: ${file} is ${dims.width}x${dims.height}, expected ${size}x${size}`);
  };
  const checkIconList = (owner: XmlElement, context: string): void => {
    const icon = kid(owner, 'Icon');
    if (!icon) {
      err(`${context} ${where(owner)} has no Icon`);
      return;
    }
    const sizes = new Set<number>();
    for (const image of kids(icon, 'Image')) {
      const size = Number(attr(image, 'size'));
      sizes.add(size);
      const rid = attr(image, 'resid');
      const r = rid === null ? undefined : resources.get(rid);
      if (r && r.kind === 'image') checkIconFile(attr(r.el, 'DefaultValue'), size, `${context} icon ${size}`);
    }
    for (const s of REQUIRED_ICON_SIZES) if (!sizes.has(s)) err(`${context} ${where(owner)} has no ${s}px icon`);
  };
  const iconUrl = top.get('IconUrl');
  if (iconUrl) checkIconFile(attr(iconUrl, 'DefaultValue'), 32, 'IconUrl');
  const hiRes = top.get('HighResolutionIconUrl');
  if (hiRes) checkIconFile(attr(hiRes, 'DefaultValue'), 64, 'HighResolutionIconUrl');

  // Host, form factor, Get Started, function file, ribbon.
  const workbook = kids(hostsEl, 'Host').find((h) => xsiType(h) === 'Workbook') ?? null;
  if (!workbook) err('VersionOverrides/Hosts has no Host xsi:type="Workbook"');
  const desktop = kid(workbook, 'DesktopFormFactor');
  if (workbook && !desktop) err('the Workbook host has no DesktopFormFactor');
  if (desktop) {
    const getStarted = kid(desktop, 'GetStarted');
    if (!getStarted) err('DesktopFormFactor has no GetStarted');
    else for (const part of ['Title', 'Description', 'LearnMoreUrl']) if (!kid(getStarted, part)) err(`GetStarted has no ${part}`);

    const functionFile = kid(desktop, 'FunctionFile');
    if (!functionFile) err('DesktopFormFactor has no FunctionFile');
    else if (urlOf(functionFile) !== `${baseUrl}commands.html`)
      err(`FunctionFile must resolve to ${baseUrl}commands.html, found ${urlOf(functionFile)}`);

    const surface = kids(desktop, 'ExtensionPoint').find((e) => xsiType(e) === 'PrimaryCommandSurface') ?? null;
    if (!surface) err('DesktopFormFactor has no ExtensionPoint xsi:type="PrimaryCommandSurface"');
    const homeTab = kids(surface, 'OfficeTab').find((t) => attr(t, 'id') === 'TabHome') ?? null;
    if (surface && !homeTab) err('the ribbon has no <OfficeTab id="TabHome">');
    const groups = kids(homeTab, 'Group');
    if (homeTab && groups.length === 0) err('the Home tab has no Group');
    const controlIds = new Set<string>();
    for (const group of groups) {
      if (!shortOf(kid(group, 'Label'))) err(`group ${where(group)} has no label`);
      checkIconList(group, `group "${attr(group, 'id')}"`);
      for (const control of kids(group, 'Control')) {
        const cid = attr(control, 'id') ?? '';
        if (controlIds.has(cid)) err(`control id "${cid}" is used twice`);
        controlIds.add(cid);
        const context = `control "${cid}"`;
        if (xsiType(control) !== 'Button') err(`${context} must be xsi:type="Button"`);
        const supertip = kid(control, 'Supertip');
        if (!supertip || !kid(supertip, 'Title') || !kid(supertip, 'Description'))
          err(`${context} needs a Supertip with Title and Description`);
        checkIconList(control, context);
        const action = kid(control, 'Action');
        const info: RibbonControl = { id: cid, label: shortOf(kid(control, 'Label')), action: xsiType(action) };
        if (info.action === 'ShowTaskpane') {
          info.taskpaneId = kid(action, 'TaskpaneId')?.text.trim() ?? null;
          info.sourceLocation = urlOf(kid(action, 'SourceLocation'));
        } else if (info.action === 'ExecuteFunction') {
          info.functionName = kid(action, 'FunctionName')?.text.trim() ?? null;
        } else err(`${context} has no ShowTaskpane or ExecuteFunction Action`);
        summary.controls.push(info);
      }
    }
    const show = summary.controls.find((c) => c.action === 'ShowTaskpane');
    if (!show) err('the ribbon has no ShowTaskpane button');
    else {
      if (show.taskpaneId !== 'ButtonId1') err(`the ShowTaskpane button must use TaskpaneId ButtonId1, found ${show.taskpaneId}`);
      if (show.sourceLocation !== `${baseUrl}taskpane.html`)
        err(`the ShowTaskpane button must open ${baseUrl}taskpane.html, found ${show.sourceLocation}`);
    }
    if (!summary.controls.some((c) => c.action === 'ExecuteFunction' && c.functionName === 'insertAllTables')) {
      err('the ribbon has no ExecuteFunction button running insertAllTables');
    }
  }

  summary.urls = urlsSeen;
  return done();
}

/** Reads and checks a manifest file; assetsDir defaults to the "assets" folder beside it. */
export function checkManifestFile(file: string, options: CheckOptions = {}): CheckResult {
  const assetsDir = options.assetsDir ?? path.join(path.dirname(file), 'assets');
  return checkManifest(fs.readFileSync(file, 'utf8'), { ...options, assetsDir });
}

// ============================================================================ command line

function main(argv: string[]): number {
  let file = 'manifest.xml';
  let baseUrl: string | undefined;
  let assetsDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') baseUrl = argv[++i];
    else if (a === '--assets') assetsDir = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: check-manifest [manifest.xml] [--base-url https://host/path/] [--assets dir]');
      return 0;
    } else file = a;
  }
  if (baseUrl !== undefined && !baseUrl.endsWith('/')) baseUrl += '/';
  const result = checkManifestFile(file, { baseUrl, assetsDir });
  if (result.ok) {
    console.log(`${file}: manifest check passed (base URL ${baseUrl ?? DEV_BASE_URL}, ${result.summary.controls.length} ribbon buttons)`);
    return 0;
  }
  console.error(`${file}: ${result.errors.length} manifest problem(s):`);
  for (const e of result.errors) console.error(`  - ${e}`);
  return 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
