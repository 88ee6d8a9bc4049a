/**
 * Traditional characters folded to simplified, for labels only: mirror sites and some converters serve
 * reports in traditional characters (“規範性檔案”, “第二十條第(一)項”). The map covers the characters of
 * every label and section title in formats.ts that differ between the two scripts, and the phrase
 * 檔案 that converters put for 文件. Prose is never converted.
 */
const PAIRS =
  '萬万 與与 業业 專专 東东 兩两 嚴严 為为 舉举 義义 於于 雲云 產产 親亲 從从 會会 傳传 體体 餘余 價价 ' +
  '們们 個个 備备 內内 決决 況况 減减 劃划 則则 創创 辦办 務务 動动 區区 單单 報报 構构 檢检 關关 ' +
  '強强 當当 後后 彙汇 復复 複复 態态 應应 戶户 據据 擔担 執执 掃扫 護护 揮挥 損损 換换 數数 斷断 ' +
  '於于 時时 書书 會会 條条 東东 權权 來来 極极 樣样 機机 檔档 歸归 殘残 氣气 沒没 決决 測测 濟济 ' +
  '無无 爭争 現现 環环 產产 當当 發发 盡尽 監监 確确 禮礼 稅税 種种 穩稳 積积 稱称 窮穷 節节 範范 ' +
  '級级 紀纪 納纳 組组 細细 終终 結结 統统 經经 綜综 維维 網网 緊紧 縣县 績绩 總总 織织 繳缴 續续 ' +
  '罰罚 聯联 聽听 職职 處处 號号 補补 規规 視视 親亲 計计 認认 討讨 訓训 記记 許许 訟讼 訪访 設设 ' +
  '訴诉 詢询 試试 詳详 誤误 說说 請请 調调 論论 諮咨 證证 議议 護护 讓让 負负 責责 費费 資资 質质 ' +
  '購购 輔辅 較较 辦办 過过 運运 達达 違违 適适 選选 還还 邊边 鄉乡 鎮镇 開开 間间 閱阅 關关 ' +
  '陳陈 際际 隨随 險险 雜杂 離离 難难 電电 項项 題题 額额 顧顾 類类 驗验 體体 團团 園园 圖图 廳厅 ' +
  '廢废 廣广 彈弹 徵征 擬拟 據据 奮奋 將将 對对 屬属 局局 屆届 帶带 幣币 黨党 齊齐 糾纠 審审 轉转 ' +
  '製制 採采 效效 實实 屬属 稽稽 國国 衛卫 療疗 險险 詞词 衝冲 縮缩 與与 標标 準准 採采 顯显';
const MAP = new Map<string, string>();
for (const pair of PAIRS.split(/\s+/)) if (pair.length === 2 && pair[0] !== pair[1]) MAP.set(pair[0], pair[1]);
const RE = new RegExp(`[${[...MAP.keys()].join('')}]`, 'g');

/** The text with traditional characters of the label vocabulary in simplified ones. */
export function foldTraditional(s: string): string {
  return s.replace(RE, (ch) => MAP.get(ch) as string).replace(/档案/g, '文件');
}
