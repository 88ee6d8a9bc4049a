/**
 * The two national formats as data. This file is the only place a label of the official tables is
 * written: insertion, reading, checking, narrative, import and export all derive from these trees
 * (via layout.ts). Facts: spec format-2021.md, format-2019.md, report-json.md.
 */
import type { FormatId, TableId, ValueKind } from './types';

/** A node of a header tree (columns) or a label tree (rows). Leaves carry keys. */
export interface LabelNode {
  label: string;
  /** Short name used in messages ("一", "（七）总计", "自然人列"). Defaults to the label. */
  short?: string;
  /** Row key (row leaves) or column key (column leaves). */
  key?: string;
  /** Column groups of a one-row table (table 3) name the row key of the cells beneath them. */
  rowKey?: string;
  /** Value kind of the cells under a column leaf (default 'count'). */
  kind?: ValueKind;
  /** Variants seen in real reports, accepted when recognising; never produced. */
  aliases?: string[];
  children?: LabelNode[];
}

/** A table laid out as a header tree over a label tree (tables 2 and 3). */
export interface MatrixTableDef {
  shape: 'matrix';
  id: TableId;
  /** Text of the top-left corner cell above the row labels (table 2's reconciliation note). */
  corner?: string;
  /** Number of label columns at the left (3 for table 2, 0 for table 3). */
  labelColumns: number;
  columns: LabelNode[];
  /** Row label tree; absent for a one-row table whose row keys come from column groups. */
  rows?: LabelNode[];
  /** Column widths in characters, left to right. */
  widths: number[];
}

/** One block of table 1: a title row, a column-header row, then data rows. */
export interface BlockDef {
  title: string;
  aliases?: string[];
  columns: LabelNode[];
  rows: LabelNode[];
}

/** Table 1: blocks stacked vertically, each as wide as the table; the last value column of a block
 *  spans the remaining width (so a one-column block is merged across three columns). */
export interface BlocksTableDef {
  shape: 'blocks';
  id: TableId;
  itemHeader: string;
  width: number;
  blocks: BlockDef[];
  widths: number[];
}

export type TableDef = MatrixTableDef | BlocksTableDef;

export interface FormatDef {
  id: FormatId;
  notice: string;
  tables: Record<TableId, TableDef>;
}

/** The six sections of every report, in order. Sections 2–4 hold tables 1–3. */
export const SECTION_TITLES: readonly string[] = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** Section number (1–6) that holds each table. */
export const TABLE_SECTION: Record<TableId, number> = { active: 2, applications: 3, reviews: 4 };

export const TABLE_NAMES: Record<TableId, string> = { active: '表1 主动公开', applications: '表2 依申请公开', reviews: '表3 复议诉讼' };

// ---------------------------------------------------------------- table 1 (active disclosure)
const ITEM = '信息内容';
const ARTICLE = (n: string): string => `第二十条第（${n}）项`;
const articleAliases = (n: string): string[] => [`第二十条 第（${n}）项`];
const DECISIONS_2021: LabelNode = { label: '本年处理决定数量', key: 'decisions' };
const PREV_ITEMS: LabelNode = { label: '上一年项目数量', key: 'prev_items' };
const CHANGE: LabelNode = { label: '本年增/减', key: 'change', kind: 'signed' };
const RULES: LabelNode = { label: '规章', key: 'rules' };
const LICENSING: LabelNode = { label: '行政许可', key: 'licensing' };
const PENALTY: LabelNode = { label: '行政处罚', key: 'penalty' };
const ENFORCEMENT: LabelNode = { label: '行政强制', key: 'enforcement' };
const FEES: LabelNode = { label: '行政事业性收费', key: 'fees' };
const block = (n: string, columns: LabelNode[], rows: LabelNode[]): BlockDef => ({
  title: ARTICLE(n),
  aliases: articleAliases(n),
  columns,
  rows,
});

const ACTIVE_2021: BlocksTableDef = {
  shape: 'blocks',
  id: 'active',
  itemHeader: ITEM,
  width: 4,
  widths: [24, 16, 16, 16],
  blocks: [
    block(
      '一',
      [
        { label: '本年制发件数', key: 'issued' },
        { label: '本年废止件数', key: 'repealed' },
        { label: '现行有效件数', key: 'in_force' },
      ],
      [RULES, { label: '行政规范性文件', key: 'normative_docs' }],
    ),
    block('五', [DECISIONS_2021], [LICENSING]),
    block('六', [DECISIONS_2021], [PENALTY, ENFORCEMENT]),
    block(
      '八',
      [
        {
          label: '本年收费金额（单位：万元）',
          short: '本年收费金额',
          key: 'amount',
          kind: 'amount',
          aliases: ['本年收费金额（万元）', '本年收费金额'],
        },
      ],
      [FEES],
    ),
  ],
};

const ACTIVE_2019: BlocksTableDef = {
  shape: 'blocks',
  id: 'active',
  itemHeader: ITEM,
  width: 4,
  widths: [24, 16, 16, 16],
  blocks: [
    block(
      '一',
      [
        { label: '本年新制作数量', key: 'made' },
        { label: '本年新公开数量', key: 'published' },
        { label: '对外公开总数量', key: 'public_total' },
      ],
      [RULES, { label: '规范性文件', key: 'normative_docs' }],
    ),
    block(
      '五',
      [PREV_ITEMS, CHANGE, { label: '处理决定数量', key: 'decisions' }],
      [LICENSING, { label: '其他对外管理服务事项', key: 'other_services' }],
    ),
    block('六', [PREV_ITEMS, CHANGE, { label: '处理决定数量', key: 'decisions' }], [PENALTY, ENFORCEMENT]),
    block('八', [PREV_ITEMS, CHANGE], [FEES]),
    block(
      '九',
      [
        { label: '采购项目数量', key: 'projects' },
        { label: '采购总金额', key: 'amount', kind: 'amount', aliases: ['采购总金额（亿元）', '采购总金额（万元）', '采购总金额（元）'] },
      ],
      [{ label: '政府集中采购', key: 'procurement' }],
    ),
  ],
};

// ---------------------------------------------------------------- table 2 (applications)
const APPLICANT_COLUMNS: LabelNode[] = [
  {
    label: '申请人情况',
    children: [
      { label: '自然人', key: 'natural' },
      {
        label: '法人或其他组织',
        children: [
          { label: '商业企业', key: 'business', aliases: ['商业企 业'] },
          { label: '科研机构', key: 'research' },
          { label: '社会公益组织', key: 'nonprofit' },
          { label: '法律服务机构', key: 'legal' },
          { label: '其他', key: 'other_org' },
        ],
      },
      { label: '总计', key: 'total', aliases: ['合计'] },
    ],
  },
];

const numbered = (prefix: string, labels: string[], aliases: Record<number, string[]> = {}): LabelNode[] =>
  labels.map((label, i) => ({ label: `${i + 1}.${label}`, key: `${prefix}_${i + 1}`, aliases: aliases[i] }));

const OTHER_2021: LabelNode = {
  label: '（六）其他处理',
  short: '（六）其他处理',
  children: numbered('other', [
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '其他',
  ]),
};
const OTHER_2019: LabelNode = { label: '（六）其他处理', key: 'other' };

function applicationRows(other: LabelNode): LabelNode[] {
  return [
    { label: '一、本年新收政府信息公开申请数量', short: '一、本年新收', key: 'new' },
    { label: '二、上年结转政府信息公开申请数量', short: '二、上年结转', key: 'carried_over' },
    {
      label: '三、本年度办理结果',
      children: [
        { label: '（一）予以公开', key: 'granted' },
        {
          label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
          short: '（二）部分公开',
          key: 'partial',
          aliases: ['（二）部分公开（区分处理的，只记这一情形，不记其他情形）'],
        },
        {
          label: '（三）不予公开',
          children: numbered('withheld', [
            '属于国家秘密',
            '其他法律行政法规禁止公开',
            '危及“三安全一稳定”',
            '保护第三方合法权益',
            '属于三类内部事务信息',
            '属于四类过程性信息',
            '属于行政执法案卷',
            '属于行政查询事项',
          ]),
        },
        {
          label: '（四）无法提供',
          children: numbered('unable', ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确']),
        },
        {
          label: '（五）不予处理',
          children: numbered(
            'not_processed',
            ['信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求行政机关确认或重新出具已获取信息'],
            { 0: ['1.信访投诉举报类申请'] },
          ),
        },
        other,
        { label: '（七）总计', short: '三（七）总计', key: 'total' },
      ],
    },
    { label: '四、结转下年度继续办理', short: '四、结转下年度', key: 'carried_forward' },
  ];
}

const APPLICATIONS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function applicationsTable(other: LabelNode): MatrixTableDef {
  return {
    shape: 'matrix',
    id: 'applications',
    corner: APPLICATIONS_CORNER,
    labelColumns: 3,
    columns: APPLICANT_COLUMNS,
    rows: applicationRows(other),
    widths: [6, 14, 40, 9, 9, 9, 9, 9, 9, 9],
  };
}

// ---------------------------------------------------------------- table 3 (reviews and lawsuits)
const OUTCOMES: LabelNode[] = [
  { label: '结果维持', key: 'upheld', aliases: ['结果维护'] },
  { label: '结果纠正', key: 'corrected' },
  { label: '其他结果', key: 'other' },
  { label: '尚未审结', key: 'pending' },
  { label: '总计', key: 'total', aliases: ['合计'] },
];

const REVIEWS: MatrixTableDef = {
  shape: 'matrix',
  id: 'reviews',
  labelColumns: 0,
  columns: [
    { label: '行政复议', rowKey: 'review', children: OUTCOMES },
    {
      label: '行政诉讼',
      children: [
        { label: '未经复议直接起诉', rowKey: 'litigation_direct', children: OUTCOMES },
        { label: '复议后起诉', rowKey: 'litigation_after_review', children: OUTCOMES },
      ],
    },
  ],
  widths: new Array<number>(15).fill(7),
};

export const FORMATS: Record<FormatId, FormatDef> = {
  '2021': {
    id: '2021',
    notice: '国办公开办函〔2021〕30号',
    tables: { active: ACTIVE_2021, applications: applicationsTable(OTHER_2021), reviews: REVIEWS },
  },
  '2019': {
    id: '2019',
    notice: '国办公开办函〔2019〕60号',
    tables: { active: ACTIVE_2019, applications: applicationsTable(OTHER_2019), reviews: REVIEWS },
  },
};

// ---------------------------------------------------------------- reading the definition
/** The name a label goes by in messages and prose: its short form, else the label. */
export const nameOf = (node: LabelNode): string => node.short ?? node.label;

/** A label without its numbering: "1.属于国家秘密" → "属于国家秘密", "（一）予以公开" → "予以公开". */
export const bareLabel = (label: string): string => label.replace(/^\d+[.．、]\s*/, '').replace(/^（[一二三四五六七八九十]+）/, '');

type Axis = 'row' | 'column';

/** The path of nodes from a tree's root to each node of it, depth first. */
function paths(nodes: LabelNode[], above: LabelNode[] = []): LabelNode[][] {
  return nodes.flatMap((n) => [[...above, n], ...paths(n.children ?? [], [...above, n])]);
}

function axisPaths(def: TableDef, axis: Axis): LabelNode[][] {
  if (def.shape === 'blocks') return def.blocks.flatMap((b) => paths(axis === 'row' ? b.rows : b.columns));
  if (axis === 'column') return paths(def.columns);
  // a one-row table (table 3) names its row keys on column groups
  return def.rows ? paths(def.rows) : paths(def.columns).filter((p) => p[p.length - 1].rowKey);
}

/**
 * The label path of a row or column key of a table, root first: `labelPath('2021', 'applications', 'column', 'business')`
 * → the nodes 申请人情况, 法人或其他组织, 商业企业. Its last node is the key's own. A key the format does not have
 * is a mistake in the calling code, and throws.
 */
export function labelPath(format: FormatId, table: TableId, axis: Axis, key: string): LabelNode[] {
  const found = axisPaths(FORMATS[format].tables[table], axis).find((p) => {
    const n = p[p.length - 1];
    return axis === 'row' ? n.key === key || n.rowKey === key : n.key === key;
  });
  if (!found) throw new Error(`format ${format}: table ${table} has no ${axis} ${key}`);
  return found;
}

/** The official node of a row key (a column group of table 3) or a column key. */
export const rowNode = (format: FormatId, table: TableId, key: string): LabelNode => labelPath(format, table, 'row', key).slice(-1)[0];
export const columnNode = (format: FormatId, table: TableId, key: string): LabelNode =>
  labelPath(format, table, 'column', key).slice(-1)[0];
