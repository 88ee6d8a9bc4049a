/**
 * Structural test of manifest.xml. The rules live in scripts/check-manifest.ts (reused for the
 * production manifest in dist/); this file runs them on the source manifest and makes sure that
 * typical mistakes are caught.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkManifest, parseXml, XmlSyntaxError } from '../scripts/check-manifest';

const root = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const assetsDir = path.join(root, 'assets');
const check = (text: string, baseUrl?: string) => checkManifest(text, { assetsDir, baseUrl });

/** Replaces exactly one occurrence, so a mutation never silently does nothing. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one match for ${from}, found ${count}`);
  return text.replace(from, to);
}

describe('manifest.xml', () => {
  const result = check(xml);

  test('passes every structural rule', () => {
    expect(result.errors).toEqual([]);
  });

  test('is an Excel task-pane add-in with the expected identity and requirements', () => {
    const s = result.summary;
    expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(s.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(s.defaultLocale).toBe('zh-CN');
    expect(s.displayName).toBe('政务公开年报助手');
    expect(s.permissions).toBe('ReadWriteDocument');
    expect(s.requirementSets).toContainEqual({ name: 'ExcelApi', minVersion: '1.8' });
    expect(s.urls.every((u) => u.startsWith('https://'))).toBe(true);
  });

  test('has the two ribbon buttons on the Home tab', () => {
    expect(result.summary.controls).toEqual([
      expect.objectContaining({
        label: '打开年报助手',
        action: 'ShowTaskpane',
        taskpaneId: 'ButtonId1',
        sourceLocation: 'https://localhost:3000/taskpane.html',
      }),
      expect.objectContaining({ label: '插入全部表格', action: 'ExecuteFunction', functionName: 'insertAllTables' }),
    ]);
  });

  test('passes for another base URL once every dev URL is rewritten, and not before', () => {
    const prod = xml
      .split('https://localhost:3000/')
      .join('https://intranet.example/ogi/')
      .split('https://localhost:3000')
      .join('https://intranet.example');
    expect(check(prod, 'https://intranet.example/ogi/').errors).toEqual([]);
    expect(check(xml, 'https://intranet.example/ogi/').ok).toBe(false);
  });
});

describe('the check catches', () => {
  const cases: [string, () => string, RegExp][] = [
    ['malformed XML', () => mutate(xml, '</Hosts>\n  <Requirements>', '<Requirements>'), /not well-formed/],
    [
      'elements out of XSD order',
      () =>
        mutate(
          mutate(xml, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''),
          '  <DefaultSettings>',
          '  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>',
        ),
      /must come before/,
    ],
    ['an Id that is not a GUID', () => mutate(xml, /<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), /not a GUID/],
    ['a three-part Version', () => mutate(xml, /<Version>[^<]*<\/Version>/, '<Version>1.0.0</Version>'), /a\.b\.c\.d/],
    [
      'another DefaultLocale',
      () => mutate(xml, '<DefaultLocale>zh-CN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'),
      /DefaultLocale/,
    ],
    ['an http URL', () => mutate(xml, 'https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'), /must use https/],
    ['a missing resource', () => mutate(xml, 'resid="InsertAll.Tooltip"', 'resid="InsertAll.Missing"'), /does not define/],
    [
      'a resource of the wrong kind',
      () => mutate(xml, '<Label resid="Group.Label"/>', '<Label resid="InsertAll.Tooltip"/>'),
      /needs a short resource/,
    ],
    [
      'a short string over 125 characters',
      () => mutate(xml, 'DefaultValue="政务公开年报"', `DefaultValue="${'表'.repeat(126)}"`),
      /more than 125/,
    ],
    [
      'a long string over 250 characters',
      () => mutate(xml, 'DefaultValue="在当前工作簿中插入年度报告要求的全部统计表格。"', `DefaultValue="${'表'.repeat(251)}"`),
      /more than 250/,
    ],
    [
      'a string without an en-US override',
      () => mutate(xml, '<bt:Override Locale="en-US" Value="Insert All Tables"/>', ''),
      /no en-US override/,
    ],
    [
      'an icon with no file',
      () => mutate(xml, 'assets/icon-80.png"/>\n      </bt:Images>', 'assets/icon-99.png"/>\n      </bt:Images>'),
      /has no file/,
    ],
    [
      'an icon of the wrong size',
      () => mutate(xml, 'assets/icon-80.png"/>\n      </bt:Images>', 'assets/icon-64.png"/>\n      </bt:Images>'),
      /expected 80x80/,
    ],
    [
      'weaker Permissions',
      () => mutate(xml, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'),
      /ReadWriteDocument/,
    ],
    ['no ExcelApi requirement', () => mutate(xml, 'Name="ExcelApi"', 'Name="WordApi"'), /ExcelApi/],
    [
      'a renamed ribbon function',
      () => mutate(xml, '<FunctionName>insertAllTables</FunctionName>', '<FunctionName>insertTables</FunctionName>'),
      /insertAllTables/,
    ],
  ];
  test.each(cases)('%s', (_name, make, message) => {
    const r = check(make());
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toMatch(message);
  });
});

describe('parseXml', () => {
  test('builds a namespaced tree with decoded text and attributes', () => {
    const doc = parseXml(
      '<?xml version="1.0"?><!-- c --><a xmlns="urn:a" xmlns:b="urn:b" x="1 &amp; 2"><b:c>&lt;&#x4E2D;&#25991;&gt;</b:c><![CDATA[<raw>]]></a>',
    );
    expect(doc).toMatchObject({ local: 'a', ns: 'urn:a', text: '<raw>' });
    expect(doc.attributes).toEqual([{ name: 'x', local: 'x', ns: '', value: '1 & 2' }]);
    expect(doc.children[0]).toMatchObject({ name: 'b:c', local: 'c', ns: 'urn:b', text: '<中文>' });
  });

  test.each([
    ['<a><b></a>', /does not match/],
    ['<a/><b/>', /second root/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a>&nbsp;</a>', /entity/],
    ['<p:a/>', /not declared/],
    ['<a><!-- x -- y --></a>', /--/],
    ['<a>', /not closed/],
    ['text<a/>', /outside the root/],
  ])('rejects %s', (text, message) => {
    expect(() => parseXml(text)).toThrow(XmlSyntaxError);
    expect(() => parseXml(text)).toThrow(message);
  });
});
