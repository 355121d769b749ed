// The public progress page (GET /loften/<area>): what citizens, journalists and the kommun's own
// site see without a Teams account. One self-contained, mobile-first Swedish page: the promises,
// each activity's progress with the same figures and words as /status, and per published tertial
// the comments the coordinators approved. It is made only from the agreement, the status figures
// and the publications: no notes, no names, no places people typed. No scripts; inline CSS only.
import type { Agreement } from '../domain/agreement.js';
import { formatSwedishDate, stockholmDate } from '../domain/calendar.js';
import type { Publication } from '../domain/publication.js';
import type { ActivityStatus, AgreementStatus } from '../domain/status.js';
import { progressShare } from '../views/progressBar.js';
import { alsoServesText, ownActivities, type OwnedActivity } from '../views/promiseSections.js';
import { statusPrintColor, statusWord } from '../views/statusWords.js';
import { render } from '../views/catalogue.js';
import { reportTexts, type ReportText } from '../views/reportTexts.js';
import { periodText, progressText } from '../views/texts.js';
import { escapeHtml as e } from './html.js';

export interface PublicPageInput {
  agreement: Agreement;
  status: AgreementStatus;
  /** The newest publication of each tertial that has one, in tertial order. */
  publications: readonly Publication[];
  /** Embedded in another site (an iframe): no page chrome, links open in the top window. */
  embed: boolean;
}

const CSS = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}
main,header,footer{max-width:44rem;margin:0 auto;padding:0 1rem}header{padding-top:1rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.8rem 0 .4rem;border-top:1px solid #ccc;padding-top:1rem}
h3{font-size:1rem;margin:1rem 0 .2rem}p{margin:.3rem 0}.subtle{color:#4a4a4a;font-size:.9rem}
ul.activities{list-style:none;padding:0;margin:0}ul.activities li{padding:.6rem 0;border-bottom:1px solid #e0e0e0}
.figures{display:flex;flex-wrap:wrap;gap:.2rem .8rem;align-items:baseline}.state{font-weight:bold}
.bar{height:.5rem;background:#e6e6e6;border-radius:.25rem;margin-top:.3rem;overflow:hidden}.bar span{display:block;height:100%;background:#1565c0}
dl.comments dt{font-weight:bold;margin-top:.6rem}dl.comments dd{margin:0}
footer{margin:2rem auto;color:#4a4a4a;font-size:.85rem}a{color:#0b57a4}
@media (min-width:40rem){h1{font-size:1.8rem}}
`;

const say = (text: ReportText): string => render(reportTexts, text);

/** Where the figures stand: the period's end, not begun, or today. */
function whenText(status: AgreementStatus): string {
  if (status.phase === 'past') return say({ code: 'page.periodOver', asOf: formatSwedishDate(status.asOf) });
  if (status.phase === 'future') return say({ code: 'page.notStarted' });
  return say({ code: 'page.asOf', today: formatSwedishDate(status.today) });
}

type Owned = OwnedActivity<ActivityStatus>;

/** One activity's list item: name, text, progress, state and bar. */
function activityItem({ activity: a, alsoServes }: Owned): string {
  const share = progressShare(a.progress);
  const progress = progressText(a.progress);
  const also = alsoServesText(alsoServes).replace(/^ · /u, '');
  return `<li>
<h4 class="name">${e(a.activity.name)}</h4>
<p class="subtle">${e(a.activity.text)}</p>
<p class="figures">${progress === statusWord(a.status) ? '' : `<span class="progress">${e(progress)}</span> `}<span class="state" style="color:${statusPrintColor(a.status)}">${e(statusWord(a.status))}</span>${also ? ` <span class="subtle">${e(also)}</span>` : ''}</p>
${share === undefined ? '' : `<div class="bar" aria-hidden="true"><span style="width:${(share * 100).toFixed(0)}%"></span></div>`}
</li>`;
}

/**
 * The promises and their activities. An activity serving several promises is described once, under
 * the first; as on /status, its row names the others and each other promise names it.
 */
function promisesHtml(status: AgreementStatus): string {
  const owned = ownActivities(status.promises, (a) => a.activity.id);
  const ownerOf = new Map(
    owned.map((o) => [o.activity.activity.id, status.promises.findIndex((p) => p.promise === o.promise) + 1]),
  );
  return status.promises
    .map((p, i) => {
      const items = owned
        .filter((o) => o.promise === p.promise)
        .map(activityItem)
        .join('\n');
      const elsewhere = p.activities
        .filter((a) => ownerOf.get(a.activity.id) !== i + 1)
        .map(
          (a) =>
            `<p class="subtle">${e(say({ code: 'page.alsoHere', name: a.activity.name, owner: ownerOf.get(a.activity.id) }))}</p>`,
        )
        .join('\n');
      return `<section>
<h3>${e(say({ code: 'page.promiseHeading', number: i + 1, text: p.promise.text }))}</h3>
${items ? `<ul class="activities">\n${items}\n</ul>\n` : ''}${elsewhere}
</section>`;
    })
    .join('\n');
}

/** The page's HTML. Every text is escaped; nothing is fetched from anywhere. */
export function publicPageHtml(input: PublicPageInput): string {
  const { agreement, status, publications, embed } = input;
  const followUps =
    publications.length === 0
      ? `<p>${say({ code: 'page.noFollowUp' })}</p>`
      : publications.map(followUpSection).join('\n');
  const target = embed ? ' target="_top"' : '';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${agreement.title} – ${agreement.municipality}`)}</title>
<style>${CSS}</style>
</head>
<body>
${
  embed
    ? ''
    : `<header>
<p class="subtle">${e(agreement.parties.join(' och '))}</p>
</header>
`
}<main>
<h1>${e(say({ code: 'page.title', title: agreement.title, municipality: agreement.municipality }))}</h1>
<p>${e(say({ code: 'page.intro', period: periodText(agreement) }))}</p>
<p class="subtle">${e(whenText(status))} ${e(say({ code: 'page.figures' }))}</p>
<h2>${e(say({ code: 'page.promisesHeading' }))}</h2>
${promisesHtml(status)}
<h2>${e(say({ code: 'page.followUpsHeading' }))}</h2>
${followUps}
</main>
${
  embed
    ? ''
    : `<footer>
<p>${e(say({ code: 'page.footer' }))} <a href="?inbaddad=1"${target}>${e(say({ code: 'page.embedLink' }))}</a></p>
</footer>
`
}</body>
</html>
`;
}

function followUpSection(p: Publication): string {
  const d = p.document;
  const seen = new Set<string>();
  const comments = d.promises
    .flatMap((promise) => promise.activities)
    .filter((a) => a.seeAlso === undefined && !seen.has(a.activityId) && seen.add(a.activityId))
    .filter((a) => p.comments[a.activityId]?.trim())
    .map((a) => `<dt>${e(a.name)}</dt><dd>${e(a.comment)}</dd>`)
    .join('\n');
  const day = formatSwedishDate(stockholmDate(new Date(p.publishedAt)));
  return `<section>
<h3>${e(say({ code: 'page.followUpHeading', tertial: p.tertial, year: p.year }))}</h3>
<p class="subtle">${e(say({ code: 'page.published', day, summary: d.summary }))}</p>
${comments ? `<dl class="comments">\n${comments}\n</dl>` : `<p>${e(say({ code: 'page.noComments' }))}</p>`}
</section>`;
}
