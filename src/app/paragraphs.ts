/** The generated paragraphs as text: kept apart from narrative.ts so that the pane's 复制 needs none of the rest. */
import type { Paragraph } from '../report/narrative';

/** The heading lines a paragraph sits under: its section's, then its part's (一、总体情况, （二）依申请公开情况). */
export const headingsOf = (p: Pick<Paragraph, 'title' | 'part'>): string[] => (p.part ? [p.title, p.part] : [p.title]);

/** The paragraphs as text to copy: each under its headings, blocked ones left out. */
export const paragraphsText = (paragraphs: Paragraph[]): string =>
  paragraphs
    .filter((p) => !p.blocked)
    .map((p) => `${headingsOf(p).join('\n')}\n${p.text}`)
    .join('\n\n');
