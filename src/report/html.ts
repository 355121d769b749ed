// The follow-up as one self-contained web page: inline CSS, inline SVG charts, no scripts and
// nothing fetched, so it can be saved, mailed or published as it is. Every text is escaped.
import { publishedStatus } from '../domain/publication.js';
import { MONTH_HIGHLIGHT_RGB } from '../views/followUpTexts.js';
import { statusPrintColor } from '../views/statusWords.js';
import type { FollowUpDocument } from '../views/followUpDocument.js';
import { render } from '../views/catalogue.js';
import { reportTexts, type ReportText } from '../views/reportTexts.js';

const say = (text: ReportText): string => render(reportTexts, text);
const label = (field: Extract<ReportText, { code: 'document.label' }>['field']) =>
  say({ code: 'document.label', field });

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const e = escapeHtml;

const CSS = `
body{font-family:Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem;margin-bottom:.5rem}h2{font-size:1.2rem;border-top:1px solid #ccc;padding-top:.8rem;margin-top:2rem}
h3{font-size:1rem;margin:1.2rem 0 .1rem}.text{font-style:italic;color:#555;font-size:.9rem;margin:0 0 .3rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:0}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92rem}th{text-align:left;color:#555;width:6.5rem;vertical-align:top;padding:.1rem .5rem .1rem 0}
td{padding:.1rem 0;vertical-align:top}.state{font-weight:bold}.subtle{color:#555;font-size:.85rem}.summary{font-weight:bold}
svg{max-width:100%;height:auto;font-family:Helvetica,Arial,sans-serif}footer{margin-top:2rem;color:#555;font-size:.8rem}
@media print{body{margin:0}h2{break-after:avoid}section.activity{break-inside:avoid}}
`;

export function followUpHtml(d: FollowUpDocument): string {
  const promises = d.promises
    .map(
      (p) => `<section>
<h2>${e(p.heading)}</h2>
${p.activities
  .map((a) =>
    a.seeAlso
      ? `<section class="activity">
<h3>${e(a.name)}</h3>
<p class="subtle">${e(a.seeAlso)}</p>
</section>`
      : `<section class="activity">
<h3>${e(a.name)}</h3>
<p class="text">${e(a.text)} (${e(a.parties)})</p>
<table>
<tr><th scope="row">${label('target')}</th><td>${e(a.target)}</td></tr>
<tr><th scope="row">${label('outcome')}</th><td>${e(a.outcome)}</td></tr>
<tr><th scope="row">${label('state')}</th><td class="state" style="color:${statusPrintColor(publishedStatus(a.state))}">${e(a.stateLabel)}</td></tr>
<tr><th scope="row">${label('comment')}</th><td>${e(a.comment)}</td></tr>
</table>
</section>`,
  )
  .join('\n')}
</section>`,
    )
    .join('\n');

  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${e(d.author)}">
<title>${e(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(d.title)}</h1>
<dl class="facts">
${d.facts.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('\n')}
</dl>
<p class="subtle">${e(d.phase)}</p>
<p class="summary">${e(d.summary)}</p>
</header>
<main>
${promises}
<section>
<h2>${say({ code: 'chart.progressHeading' })}</h2>
${progressSvg(d.progressChart)}
<p class="subtle">${say({ code: 'chart.progressNote' })}</p>
</section>
<section>
<h2>${say({ code: 'chart.monthHeading' })}</h2>
${monthSvg(d.monthChart)}
<p class="subtle">${say({ code: 'chart.monthNote' })}</p>
</section>
</main>
<footer>${e(d.footnote)}</footer>
</body>
</html>
`;
}

function progressSvg(bars: FollowUpDocument['progressChart']): string {
  const row = 22;
  const label = 260;
  const bar = 300;
  const w = label + bar + 130;
  const h = bars.length * row + 4;
  const rows = bars
    .map((b, i) => {
      const y = i * row + 2;
      return `<g><title>${e(`${b.label}: ${b.text}`)}</title>
<text x="0" y="${y + 14}" font-size="12">${e(b.label)}</text>
<rect x="${label}" y="${y + 3}" width="${bar}" height="${row - 8}" fill="#eeeeee"/>
<rect x="${label}" y="${y + 3}" width="${(bar * b.share).toFixed(1)}" height="${row - 8}" fill="${statusPrintColor(publishedStatus(b.state))}"/>
<text x="${label + bar + 8}" y="${y + 14}" font-size="12">${e(b.text)}</text></g>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${say({ code: 'chart.progressHeading' })}">
${rows}
</svg>`;
}

function monthSvg(months: FollowUpDocument['monthChart']): string {
  const slot = 48;
  const chart = 140;
  const top = 16;
  const w = Math.max(1, months.length) * slot;
  const h = top + chart + 22;
  const max = Math.max(1, ...months.map((m) => m.value));
  const bars = months
    .map((m, i) => {
      const bh = (m.value / max) * chart;
      const x = i * slot + slot * 0.15;
      const bw = slot * 0.7;
      const cx = i * slot + slot / 2;
      return `<g><title>${e(`${m.label}: ${m.value}`)}</title>
<rect x="${x.toFixed(1)}" y="${(top + chart - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="${m.highlighted ? MONTH_HIGHLIGHT_RGB : '#9fb7d6'}"/>
<text x="${cx}" y="${(top + chart - bh - 4).toFixed(1)}" font-size="12" text-anchor="middle">${m.value}</text>
<text x="${cx}" y="${top + chart + 16}" font-size="12" text-anchor="middle">${e(m.label)}</text></g>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${say({ code: 'chart.monthHeading' })}">
<line x1="0" y1="${top + chart}" x2="${w}" y2="${top + chart}" stroke="#cccccc"/>
${bars}
</svg>`;
}
