/**
 * Structural test of manifest.xml. The rules live in scripts/check-manifest.ts (reused for the
 * production manifest in dist/), which reads the manifest with office-addin-manifest; this file runs
 * them on the source manifest and makes sure that typical mistakes are caught. The script runs in a
 * child process (test/manifest-check.ts): jest cannot load office-addin-manifest's ES-module-only
 * dependencies.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkManifestTexts, runCheckManifest, type FileResult } from './manifest-check';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const assetsDir = path.join(root, 'assets');
const INTRANET = 'https://intranet.example/ogi/';

/** Replaces exactly one occurrence, so a mutation never silently does nothing. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one match for ${from}, found ${count}`);
  return text.replace(from, to);
}

const prod = xml.split('https://localhost:3000/').join(INTRANET).split('https://localhost:3000').join('https://intranet.example');
/** Mutations of manifest.xml the check must refuse, each with the message it must give. */
const mistakes: [string, () => string, RegExp][] = [
  ['malformed XML', () => mutate(xml, '</Hosts>\n  <Requirements>', '<Requirements>'), /not well-formed XML: .*Unexpected close tag/],
  [
    'elements out of XSD order',
    () =>
      mutate(
        mutate(xml, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''),
        '  <DefaultSettings>',
        '  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>',
      ),
    /<OfficeApp\/DefaultSettings> must come before Permissions/,
  ],
  ['an Id that is not a GUID', () => mutate(xml, /<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), /Id "not-a-guid" is not a GUID/],
  [
    "Microsoft's template Id",
    () => mutate(xml, /<Id>[^<]*<\/Id>/, '<Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>'),
    /is a placeholder, not this add-in's own GUID/,
  ],
  [
    'a three-part Version',
    () => mutate(xml, /<Version>[^<]*<\/Version>/, '<Version>1.0.0</Version>'),
    /Version "1.0.0" must look like a\.b\.c\.d/,
  ],
  [
    'another DefaultLocale',
    () => mutate(xml, '<DefaultLocale>zh-CN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'),
    /DefaultLocale must be zh-CN, found "en-US"/,
  ],
  [
    'an http URL',
    () => mutate(xml, 'https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'),
    /resource "Commands.Url" .*: "http:\/\/localhost:3000\/commands.html" must use https/,
  ],
  [
    'a missing resource',
    () => mutate(xml, 'resid="InsertAll.Tooltip"', 'resid="InsertAll.Missing"'),
    /refers to resid="InsertAll.Missing", which Resources does not define/,
  ],
  [
    'a resource of the wrong kind',
    () => mutate(xml, '<Label resid="Group.Label"/>', '<Label resid="InsertAll.Tooltip"/>'),
    /refers to resid="InsertAll.Tooltip", a long resource, but needs a short resource/,
  ],
  [
    'a short string over 125 characters',
    () => mutate(xml, 'DefaultValue="政务公开年报"', `DefaultValue="${'表'.repeat(126)}"`),
    /short string "Group.Label" .* is 126 characters, more than 125/,
  ],
  [
    'a long string over 250 characters',
    () => mutate(xml, 'DefaultValue="在当前工作簿中插入年度报告要求的全部统计表格。"', `DefaultValue="${'表'.repeat(251)}"`),
    /long string "InsertAll.Tooltip" .* is 251 characters, more than 250/,
  ],
  [
    'a string without an en-US override',
    () => mutate(xml, '<bt:Override Locale="en-US" Value="Insert All Tables"/>', ''),
    /short string "InsertAll.Label" .* has no en-US override/,
  ],
  [
    'an icon with no file',
    () => mutate(xml, 'assets/icon-80.png"/>\n      </bt:Images>', 'assets/icon-99.png"/>\n      </bt:Images>'),
    /icon 80: https:\/\/localhost:3000\/assets\/icon-99.png has no file/,
  ],
  [
    'an icon of the wrong size',
    () => mutate(xml, 'assets/icon-80.png"/>\n      </bt:Images>', 'assets/icon-64.png"/>\n      </bt:Images>'),
    /icon-64.png is 64x64, expected 80x80/,
  ],
  [
    'weaker Permissions',
    () => mutate(xml, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'),
    /Permissions must be ReadWriteDocument \(needed for the Excel APIs\), found "ReadDocument"/,
  ],
  ['no ExcelApi requirement', () => mutate(xml, 'Name="ExcelApi"', 'Name="WordApi"'), /Requirements must name the ExcelApi set/],
  [
    'a renamed ribbon function',
    () => mutate(xml, '<FunctionName>insertAllTables</FunctionName>', '<FunctionName>insertTables</FunctionName>'),
    /the ribbon has no ExecuteFunction button running insertAllTables/,
  ],
  [
    'VersionOverrides outside its namespace',
    () => mutate(xml, ' xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"', ''),
    /<OfficeApp\/VersionOverrides> must be in namespace http:\/\/schemas.microsoft.com\/office\/taskpaneappversionoverrides, found "http:\/\/schemas.microsoft.com\/office\/appforoffice\/1.1"/,
  ],
  [
    'a prefix bound to another namespace',
    () => mutate(xml, 'xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"', 'xmlns:bt="urn:other"'),
    /unexpected element <OfficeApp\/VersionOverrides\/Resources\/bt:Images> in Resources/,
  ],
  [
    'an undeclared prefix',
    () => mutate(xml, '<bt:Images>', '<b:Images>').replace('</bt:Images>', '</b:Images>'),
    /namespace prefix "b" of <b:Images> is not declared/,
  ],
  [
    'a second Hosts element',
    () => mutate(xml, '  <Requirements>', '  <Hosts><Host Name="Document"/></Hosts>\n  <Requirements>'),
    /<OfficeApp\/Hosts\[2\]> appears more than once/,
  ],
];

/** Documents that are no Office manifest at all. */
const notManifests: [string, string, RegExp][] = [
  ['an empty file', '', /not well-formed XML: no root element/],
  ['mismatched tags', '<a><b></a>', /not well-formed XML: .*Unexpected close tag/],
  ['an unclosed root', '<a>', /not well-formed XML: .*Unclosed root tag/],
  ['text before the root', 'text<a/>', /not well-formed XML: .*Non-whitespace before first tag/],
  ['"--" in a comment', '<a><!-- x -- y --></a>', /not well-formed XML: .*Malformed comment/],
  ['an unbound prefix', '<p:a/>', /not well-formed XML: namespace prefix "p" of <p:a> is not declared/],
  [
    'another root element',
    '<a xmlns="urn:a"/>',
    /root element must be OfficeApp in namespace http:\/\/schemas.microsoft.com\/office\/appforoffice\/1.1, found a in "urn:a"/,
  ],
];

let source: FileResult;
let sourceForIntranet: FileResult;
let prodResult: FileResult;
let otherPrefix: FileResult;
let mistakeResults: FileResult[];
let notManifestResults: FileResult[];

beforeAll(() => {
  const b = (text: string) => text.split('bt:').join('b:').split('xmlns:bt=').join('xmlns:b=');
  const dev = checkManifestTexts([xml, b(xml), ...mistakes.map(([, make]) => make()), ...notManifests.map(([, text]) => text)], {
    assetsDir,
  });
  [source, otherPrefix] = dev;
  mistakeResults = dev.slice(2, 2 + mistakes.length);
  notManifestResults = dev.slice(2 + mistakes.length);
  [prodResult, sourceForIntranet] = checkManifestTexts([prod, xml], { assetsDir, baseUrl: INTRANET });
}, 120_000);

describe('manifest.xml', () => {
  test('passes every structural rule', () => {
    expect(source.errors).toEqual([]);
    expect(source.ok).toBe(true);
  });

  test('is an Excel task-pane add-in with the expected identity and requirements', () => {
    const s = source.summary;
    expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(s.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(s.defaultLocale).toBe('zh-CN');
    expect(s.displayName).toBe('政务公开年报助手');
    expect(s.permissions).toBe('ReadWriteDocument');
    expect(s.requirementSets).toEqual([{ name: 'ExcelApi', minVersion: '1.8' }]);
    expect(s.urls.every((u) => u.startsWith('https://'))).toBe(true);
    expect(s.resources).toEqual({
      image: ['Icon.16x16', 'Icon.32x32', 'Icon.80x80'],
      url: ['GetStarted.LearnMoreUrl', 'Commands.Url', 'Taskpane.Url'],
      short: ['GetStarted.Title', 'Group.Label', 'OpenPane.Label', 'InsertAll.Label'],
      long: ['GetStarted.Description', 'OpenPane.Tooltip', 'InsertAll.Tooltip'],
    });
  });

  test('office-addin-manifest reads its identity, icons, domains and start page', () => {
    expect(source.summary.info).toEqual({
      id: source.summary.id,
      version: '0.1.0.0',
      providerName: '政务公开年报助手项目组 (OGI Report Team)',
      defaultLocale: 'zh-CN',
      displayName: '政务公开年报助手',
      description: '在 Excel 中编制政府信息公开工作年度报告：生成标准统计表格、校验数据并汇总各项指标。',
      iconUrl: 'https://localhost:3000/assets/icon-32.png',
      highResolutionIconUrl: 'https://localhost:3000/assets/icon-64.png',
      supportUrl: 'https://localhost:3000/taskpane.html',
      appDomains: ['https://localhost:3000'],
      hosts: ['Workbook'],
      officeAppType: 'TaskPaneApp',
      permissions: 'ReadWriteDocument',
      manifestType: 'xml',
      defaultSettings: { sourceLocation: 'https://localhost:3000/taskpane.html' },
    });
  });

  test('has the two ribbon buttons on the Home tab', () => {
    expect(source.summary.controls).toEqual([
      {
        id: 'OgiReport.OpenPane',
        label: '打开年报助手',
        action: 'ShowTaskpane',
        taskpaneId: 'ButtonId1',
        sourceLocation: 'https://localhost:3000/taskpane.html',
      },
      { id: 'OgiReport.InsertAll', label: '插入全部表格', action: 'ExecuteFunction', functionName: 'insertAllTables' },
    ]);
  });

  test('passes for another base URL once every dev URL is rewritten, and not before', () => {
    expect(prodResult.errors).toEqual([]);
    expect(sourceForIntranet.ok).toBe(false);
    expect(sourceForIntranet.errors).toContain(
      'the manifest still mentions https://localhost:3000 although its base URL is https://intranet.example/ogi/',
    );
  });

  test('passes with the basic types under another prefix (namespaces, not prefixes, count)', () => {
    expect(otherPrefix.errors).toEqual([]);
  });
});

describe('the check catches', () => {
  test.each(mistakes.map(([name, , message], i) => [name, i, message] as const))('%s', (_name, i, message) => {
    const r = mistakeResults[i];
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toMatch(message);
  });
});

describe('documents that are not an Office manifest', () => {
  test.each(notManifests.map(([name, , message], i) => [name, i, message] as const))('%s', (_name, i, message) => {
    const r = notManifestResults[i];
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
  });
});

describe('command line', () => {
  test('passes manifest.xml with a one-line report and exit code 0', () => {
    const run = runCheckManifest(['manifest.xml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('manifest.xml: manifest check passed (base URL https://localhost:3000/, 2 ribbon buttons)\n');
  }, 60_000);

  test('lists the problems and exits 1 (a base URL without its slash gets one)', () => {
    const run = runCheckManifest(['manifest.xml', '--base-url', 'https://intranet.example/ogi']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('manifest.xml: 14 manifest problem(s):');
    expect(lines).toHaveLength(15);
    expect(lines).toContain('  - DefaultSettings/SourceLocation must be https://intranet.example/ogi/taskpane.html');
  }, 60_000);
});
