import type { ReportData, ShareRow } from '../aggregate/readReportData.js';
import { ci, escapeHtml, escapeMd, pct, pp, ppCi } from './format.js';

export type ReportFormat = 'html' | 'md' | 'json';

export interface ReportContext {
  readonly title: string;
  readonly areaOrder: readonly string[];
  readonly labels: ReadonlyMap<string, string>;
  readonly lexiconVersion: string;
  readonly toolVersion: string;
}

interface Line {
  readonly area: string;
  readonly label: string;
  readonly share: ShareRow | undefined;
  readonly change: ReportData['changes'][number] | undefined;
}

function lines(data: ReportData, ctx: ReportContext): Line[] {
  return ctx.areaOrder.map((area) => ({
    area,
    label: ctx.labels.get(area) ?? area,
    share: data.shares.find((s) => s.area === area && s.year === data.year),
    change: data.changes.find((c) => c.area === area && c.year === data.year),
  }));
}

/** The yearly report as a JSON document: the same figures as the HTML, for scripts. */
export function renderJson(data: ReportData, ctx: ReportContext): string {
  const out = {
    title: ctx.title,
    year: data.year,
    municipality: data.municipality,
    minimum_base: data.minimumBase,
    lexicon_version: ctx.lexiconVersion,
    tool_version: ctx.toolVersion,
    areas: lines(data, ctx).map((l) => {
      // suppressed cells keep their n but show no figures
      const s = l.share && !l.share.suppressed ? l.share : undefined;
      const c = l.change && !l.change.suppressed ? l.change : undefined;
      return {
        area: l.area,
        label: l.label,
        n: l.share?.n ?? 0,
        suppressed: l.share?.suppressed ?? true,
        share_pos: s?.sharePos ?? null,
        share_neu: s?.shareNeu ?? null,
        share_neg: s?.shareNeg ?? null,
        share_pos_low: s?.low ?? null,
        share_pos_high: s?.high ?? null,
        prev_year: l.change?.prevYear ?? null,
        pp_change: c?.ppChange ?? null,
        pp_low: c?.ppLow ?? null,
        pp_high: c?.ppHigh ?? null,
        p_value: c?.pValue ?? null,
        p_adjusted: c?.pAdjusted ?? null,
        significant: c?.significant ?? false,
        mixed_lexicon_versions: l.change?.mixedVersions ?? false,
      };
    }),
    benchmarks: data.benchmarks.map((b) => ({
      area: b.area,
      pp_vs_rest: b.ppVsRest,
      p_vs_rest: b.pVsRest,
      peer_group: b.peerGroup,
      pp_vs_peers: b.ppVsPeers,
      p_vs_peers: b.pVsPeers,
    })),
    examples: data.examples.filter((e) => ctx.areaOrder.includes(e.area)),
    batches: data.batches,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function renderMarkdown(data: ReportData, ctx: ReportContext): string {
  const scope = data.municipality ?? 'All municipalities';
  const out: string[] = [`# ${escapeMd(ctx.title)}: ${escapeMd(scope)}, ${data.year}`, ''];
  out.push('| area | n | positive | 95% CI | neutral | negative | change | 95% CI (pp) | p (BH) |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const l of lines(data, ctx)) {
    const s = l.share;
    if (!s || s.suppressed) {
      out.push(`| ${escapeMd(l.label)} | ${s?.n ?? 0} | n < ${data.minimumBase} | | | | | | |`);
      continue;
    }
    const c = l.change;
    const show = c && c.ppChange !== null && !c.suppressed;
    out.push(
      `| ${escapeMd(l.label)} | ${s.n} | ${pct(s.sharePos)} | ${ci(s.low, s.high)} | ${pct(s.shareNeu)} | ${pct(s.shareNeg)} | ${
        show ? `${pp(c.ppChange as number)}${c.significant ? ' *' : ''}` : '–'
      } | ${show ? ppCi(c.ppLow as number, c.ppHigh as number) : ''} | ${show && c.pAdjusted !== null ? c.pAdjusted.toFixed(3) : ''} |`,
    );
  }
  out.push('', notes(data, ctx).map((n) => `- ${escapeMd(n)}`).join('\n'), '');
  if (data.benchmarks.length > 0) {
    out.push(`## Against the other municipalities, ${data.year}`, '', '| area | vs the rest (pp) | p | vs peer group (pp) | p |', '|---|--:|--:|--:|--:|');
    for (const b of benchmarks(data, ctx)) {
      out.push(`| ${escapeMd(b.label)} | ${b.rest} | ${b.pRest} | ${b.peers} | ${b.pPeers} |`);
    }
    out.push('');
  }
  if (data.examples.length > 0) {
    out.push('## Example comments', '');
    for (const e of data.examples) {
      out.push(`- **${escapeMd(ctx.labels.get(e.area) ?? e.area)}, ${e.polarity}**: “${escapeMd(e.text)}”`);
    }
    out.push('');
  }
  return out.join('\n');
}

function benchmarks(data: ReportData, ctx: ReportContext) {
  const f = (x: number | null) => (x === null ? '–' : pp(x));
  const p = (x: number | null) => (x === null ? '' : x.toFixed(3));
  return ctx.areaOrder
    .map((area) => data.benchmarks.find((b) => b.area === area))
    .filter((b): b is ReportData['benchmarks'][number] => b !== undefined)
    .map((b) => ({
      label: ctx.labels.get(b.area) ?? b.area,
      rest: f(b.ppVsRest),
      pRest: p(b.pVsRest),
      peers: b.peerGroup === null ? '–' : `${f(b.ppVsPeers)} (${b.peerGroup})`,
      pPeers: p(b.pVsPeers),
    }));
}

function notes(data: ReportData, ctx: ReportContext): string[] {
  const n: string[] = [
    `Share positive = positive mentions / comments mentioning the area; 95% Wilson intervals; changes with Newcombe's hybrid score interval, two-sided two-proportion test, Benjamini-Hochberg adjusted across all cells of ${data.year}; * = p_adj < 0.05.`,
    `Cells with fewer than ${data.minimumBase} comments are not shown.`,
    `Lexicon version ${ctx.lexiconVersion}, civic-pulse ${ctx.toolVersion}.`,
  ];
  if (data.changes.some((c) => c.year === data.year && c.mixedVersions)) {
    n.push('Warning: this year and the previous one were scored with different lexicon versions; run `pulse rescore` to compare like with like.');
  }
  return n;
}

/** A self-contained HTML page; every piece of comment text is escaped. */
export function renderHtml(data: ReportData, ctx: ReportContext): string {
  const scope = data.municipality ?? 'All municipalities';
  const rows = lines(data, ctx)
    .map((l) => {
      const s = l.share;
      if (!s || s.suppressed) {
        return `<tr><th scope="row">${escapeHtml(l.label)}</th><td>${s?.n ?? 0}</td><td colspan="5" class="muted">fewer than ${data.minimumBase} comments</td></tr>`;
      }
      const c = l.change;
      const show = c && c.ppChange !== null && !c.suppressed;
      const change = show
        ? `<span class="${(c.ppChange as number) >= 0 ? 'up' : 'down'}">${escapeHtml(pp(c.ppChange as number))}${c.significant ? ' *' : ''}</span><br><small>${escapeHtml(ppCi(c.ppLow as number, c.ppHigh as number))}</small>`
        : '–';
      return `<tr><th scope="row">${escapeHtml(l.label)}</th><td>${s.n}</td><td>${bar(s)}</td><td>${pct(s.sharePos)}<br><small>${ci(s.low, s.high)}</small></td><td>${pct(s.shareNeu)}</td><td>${pct(s.shareNeg)}</td><td>${change}</td></tr>`;
    })
    .join('\n');
  const examples = data.examples
    .map(
      (e) =>
        `<li><span class="tag ${e.polarity}">${escapeHtml(ctx.labels.get(e.area) ?? e.area)} · ${escapeHtml(e.polarity)}</span> ${escapeHtml(e.text)}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(ctx.title)}: ${escapeHtml(scope)} ${data.year}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%}th,td{padding:.45rem .6rem;border-bottom:1px solid #ddd;text-align:right;vertical-align:top}
th[scope=row],thead th:first-child{text-align:left}small,.muted{color:#666}.up{color:#0a7a33}.down{color:#b3261e}
.tag{display:inline-block;font-size:12px;padding:0 .4rem;border-radius:3px;background:#eee}.tag.pos{background:#dff3e4}.tag.neg{background:#fbe3e1}
ul.ex li{margin:.4rem 0}footer{margin-top:2rem;color:#666;font-size:13px}
</style>
</head>
<body>
<h1>${escapeHtml(ctx.title)}</h1>
<p>${escapeHtml(scope)}, ${data.year}. Share of comments about each area that are positive, with the change from ${data.year - 1}.</p>
<table>
<thead><tr><th>Area</th><th>n</th><th></th><th>Positive</th><th>Neutral</th><th>Negative</th><th>Change</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<ul>${notes(data, ctx)
    .map((n) => `<li><small>${escapeHtml(n)}</small></li>`)
    .join('')}</ul>
${
  data.benchmarks.length > 0
    ? `<h2>Against the other municipalities, ${data.year}</h2>\n<table>\n<thead><tr><th>Area</th><th>vs the rest (pp)</th><th>p</th><th>vs peer group (pp)</th><th>p</th></tr></thead>\n<tbody>\n${benchmarks(data, ctx)
        .map((b) => `<tr><th scope="row">${escapeHtml(b.label)}</th><td>${escapeHtml(b.rest)}</td><td>${b.pRest}</td><td>${escapeHtml(b.peers)}</td><td>${b.pPeers}</td></tr>`)
        .join('\n')}\n</tbody>\n</table>`
    : ''
}
${examples ? `<h2>Example comments</h2>\n<ul class="ex">\n${examples}\n</ul>` : ''}
<footer>Sources: ${data.batches.map((b) => `${escapeHtml(b.source)} (${b.rowsLoaded} of ${b.rowsRead} rows loaded, ${b.rowsRejected} rejected)`).join('; ')}</footer>
</body>
</html>
`;
}

/** A small inline SVG bar with the Wilson interval as a whisker. */
function bar(s: ShareRow): string {
  const w = 160;
  const x = (v: number) => (v * w).toFixed(1);
  return `<svg width="${w}" height="14" role="img" aria-label="${pct(s.sharePos)} positive"><rect width="${w}" height="14" fill="#f0f0f0"/><rect width="${x(s.sharePos)}" height="14" fill="#4a8fd4"/><line x1="${x(s.low)}" x2="${x(s.high)}" y1="7" y2="7" stroke="#111" stroke-width="1.5"/></svg>`;
}

export function renderReport(format: ReportFormat, data: ReportData, ctx: ReportContext): string {
  if (format === 'json') return renderJson(data, ctx);
  if (format === 'md') return renderMarkdown(data, ctx);
  return renderHtml(data, ctx);
}
