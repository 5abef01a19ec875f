/** The printed result: one Markdown table per section, same columns throughout. */
import type { Verdict } from './format';

export interface Row {
  figure: string;
  ours: string;
  bare: string;
  ratio: string;
  target: string;
  verdict: Verdict;
}

export interface Section {
  title: string;
  rows: Row[];
  notes: string[];
}

const HEADER = ['figure', 'ours', 'bare', 'ratio', 'target', 'pass/fail'];

function line(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
}

export function renderSections(sections: readonly Section[]): string {
  const all = sections.flatMap((section) => section.rows.map((r) => [r.figure, r.ours, r.bare, r.ratio, r.target, r.verdict]));
  // One set of column widths for every section, so the tables line up when printed together.
  const widths = HEADER.map((title, i) => Math.max(title.length, ...all.map((cells) => (cells[i] ?? '').length)));
  const out: string[] = [];
  for (const section of sections) {
    out.push(`### ${section.title}`, '');
    out.push(line(HEADER, widths), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    for (const r of section.rows) out.push(line([r.figure, r.ours, r.bare, r.ratio, r.target, r.verdict], widths));
    if (section.notes.length > 0) out.push('');
    for (const note of section.notes) out.push(`- ${note}`);
    out.push('');
  }
  return out.join('\n');
}
