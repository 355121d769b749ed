// Who is responsible for an activity, read from how Swedish texts phrase it: "Polisen ska",
// "Kommunen och Polisen ska", "Kommun och polis ska", "Ekby kommun lovar att", "Polisen kommer att",
// "Att polisen ska …", "Kommunen ska tillsammans med Vätterhem …", "Den strategiska säkerhetsgruppen
// (SSG) kommer att …". Parties are named the way the bundled agreements name them: "Polisen",
// "Kommunen", a group by its abbreviation ("SSG"), anyone else as written ("Vätterhem", "Väktare").

export const POLICE = 'Polisen';
export const MUNICIPALITY = 'Kommunen';

/** "ska", "kommer att", "lovar att" …: the verb that ends the subject of an activity sentence. */
const MODAL =
  /\s(?:ska|skall|kommer att|kommer|lovar att|lovar|avser att|åtar sig att|ansvarar för att|har i uppdrag att)(?=\s)/iu;

// Municipal units act for the municipality ("Socialtjänsten ska …" is the kommun's promise).
const MUNICIPAL_UNIT =
  /^(?:kommun\p{L}*|\p{L}+s kommuns?|socialtjänst\p{L}*|fältassistent\p{L}*|fältgrupp\p{L}*|fältarbetare\p{L}*|fritidsgård\p{L}*|fritidsledare\p{L}*|fritidsförvaltning\p{L}*|stadsbyggnads\p{L}*|tekniska (?:kontoret|förvaltningen)|samhällsbyggnads\p{L}*|kultur- och fritids\p{L}*|skolan|skolorna|elevhälsan|räddningstjänst\p{L}*)/iu;
const POLICE_WORD = /^(?:\p{L}*polis\p{L}*)$/iu;
// Third parties that texts name in lower case.
const COMMON_THIRD =
  /^(?:väktar\p{L}*|ordningsvakt\p{L}*|föreningar\p{L}*|föreningslivet|fastighetsägar\p{L}*|bostadsbolag\p{L}*|hyresvärd\p{L}*|näringsidkar\p{L}*|krögar\p{L}*|handlar\p{L}*|nattvandrar\p{L}*|civilsamhället|kyrkan|församling\p{L}*|trafikverket|region\p{L}*)$/iu;

/** "Polisen", "Kommunen", or the party as written, for one noun phrase; undefined if it names no party. */
function partyOf(phrase: string): string | undefined {
  const p = phrase
    .trim()
    .replace(/^(?:den|det|de|även|också)\s+/iu, '')
    .trim();
  if (p === '') return undefined;
  const abbreviation = /\(([A-ZÅÄÖ]{2,6})\)/u.exec(p);
  if (abbreviation) return abbreviation[1];
  const words = p.split(/\s+/);
  const head = words[0] ?? '';
  if (/^(?:vi|det|den|de|detta|denna|dessa|man|här|vår|våra|alla|samtliga|arbetet|syftet|målet)$/iu.test(head))
    return undefined;
  if (POLICE_WORD.test(head) || /^polisens$/iu.test(head)) return POLICE;
  if (MUNICIPAL_UNIT.test(p) || /^kommunens$/iu.test(head)) return MUNICIPALITY;
  if (/^\p{L}+s?$/u.test(head) && /^kommun/iu.test(words[1] ?? '')) return MUNICIPALITY;
  if (COMMON_THIRD.test(head)) {
    // "Bostadsbolaget Sjöhem": a common word followed by the name.
    const name = words.slice(1).filter((w) => /^\p{Lu}/u.test(w));
    return name.length === words.length - 1 && name.length > 0 ? words.join(' ') : capitalise(head);
  }
  // A name: a capitalised word ("Vätterhem", "Fastighetsbolaget Ekbo") that is not a sentence word.
  if (/^\p{Lu}[\p{L}-]*\p{L}$/u.test(head) && words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w))) {
    return words.join(' ');
  }
  return undefined;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Splits "Kommunen, Polisen och Vätterhem" into its parts. */
function conjuncts(phrase: string): string[] {
  return phrase
    .split(/\s*,\s*|\s+(?:och|samt|tillsammans med|i samverkan med|i samarbete med|ihop med)\s+/iu)
    .filter((s) => s.length > 0);
}

function addUnique(list: string[], party: string | undefined): void {
  if (party !== undefined && !list.includes(party)) list.push(party);
}

export interface PartiesRead {
  /** Parties named by the sentence, in the order written; empty when it names none. */
  parties: string[];
  /** True when the subject is "vi" (the signatories) or missing: the caller inherits. */
  inherit: boolean;
  /** True when a subject was there but not recognised as a party. */
  unknownSubject?: string;
  /** What the sentence says after its subject, modal and joined parties: "genomföra en enkät …". */
  rest: string;
}

/**
 * The parties of one activity sentence: the subject before "ska"/"kommer att"/"lovar att", plus
 * those joined right after it ("… ska tillsammans med Vätterhem och områdespolis fortsätta").
 * A sentence that starts with its verb ("Genomföra trygghetsvandringar"), or whose subject is "vi",
 * names nobody: the caller inherits the promise's or the agreement's parties.
 */
export function readParties(sentence: string): PartiesRead {
  const text = sentence.replace(/^att\s+/iu, '').trim();
  const modal = MODAL.exec(` ${text}`);
  const parties: string[] = [];
  if (!modal) return { parties, inherit: true, rest: text };
  const subject = ` ${text}`.slice(0, modal.index).trim();
  const subjectWords = subject.split(/\s+/);
  let rest = ` ${text}`.slice(modal.index + modal[0].length).trim();
  if (subject === '' || subjectWords.length > 10) return { parties, inherit: true, rest: text };
  if (/^vi$/iu.test(subject)) return { parties, inherit: true, rest };
  const parts = conjuncts(subject);
  // "Trygghetsvandringar ska genomföras": a passive verb makes the subject the thing done.
  const passive =
    /^(?:\p{L}{3,}(?:as|es)|ske)$/iu.test(rest.split(/\s+/u)[0] ?? '') &&
    !/^(?:träffas|samverkas)$/iu.test(rest.split(/\s+/u)[0] ?? '');
  for (const part of parts) {
    const party = partyOf(part);
    const named = party !== undefined && party !== POLICE && party !== MUNICIPALITY && !/^\p{Lu}{2,6}$/u.test(party);
    if (!(passive && named && !COMMON_THIRD.test(part))) addUnique(parties, party);
  }
  if (passive) {
    const agent = /(?:^|\s)av\s+(\p{L}+)/iu.exec(rest);
    if (agent) addUnique(parties, partyOf(agent[1] ?? ''));
  }
  const joined =
    /^(?:även |också |gemensamt )?(?:tillsammans|i samverkan|i samarbete|ihop|i dialog) med\s+(.*)$/iu.exec(rest);
  if (joined) {
    // Names follow, separated by "," and "och", until the first word that names nobody (the verb).
    const tokens = (joined[1] ?? '').split(/\s+/).map((t) => t.replace(/[,.;:]+$/u, ''));
    let i = 0;
    while (i < tokens.length) {
      if (/^(?:och|samt)$/iu.test(tokens[i] ?? '')) {
        i += 1;
        continue;
      }
      // A capitalised name may take several words ("Fastighetsbolaget Ekbo"); anything else one.
      let n = 0;
      while (n < 3 && /^\p{Lu}/u.test(tokens[i + n] ?? '')) n += 1;
      const party = n > 1 ? partyOf(tokens.slice(i, i + n).join(' ')) : partyOf(tokens[i] ?? '');
      if (party === undefined) break;
      addUnique(parties, party);
      i += Math.max(1, n);
    }
    rest = (joined[1] ?? '').split(/\s+/).slice(i).join(' ');
  }
  if (parties.length === 0) return { parties, inherit: true, unknownSubject: subject, rest };
  return { parties, inherit: false, rest };
}

const INVERTED_SUBJECT =
  /(?:^|\s)(?:lovar|ska|skall|kommer)\s+((?:polisen|kommunen|kommunerna|polis|kommun)(?:\s+och\s+(?:polisen|kommunen|kommunerna|polis|kommun))?)\s+att(?:\s|$)/iu;

/**
 * The party a sub-heading or intro speaks for: "Polisiärt arbete" → Polisen, "Kommunen lovar att:"
 * → Kommunen; undefined for headings about a topic ("Effektiv samordning för trygghet (EST)").
 */
export function headingParties(heading: string): string[] {
  const t = heading.replace(/:$/u, '').trim();
  const read = readParties(`${t} x`);
  if (!read.inherit) return read.parties;
  // "Under tiden … lovar polisen att", "Under samma tidsperiod lovar kommunerna att": the subject after the verb.
  const inverted = INVERTED_SUBJECT.exec(t);
  if (inverted) {
    const parties: string[] = [];
    for (const part of conjuncts(inverted[1] ?? '')) addUnique(parties, partyOf(part));
    if (parties.length > 0) return parties;
  }
  const head = t.split(/\s+/u)[0] ?? '';
  if (POLICE_WORD.test(head) || /^polisiär\p{L}*$/iu.test(head)) return [POLICE];
  if (MUNICIPAL_UNIT.test(head) || /^kommunal\p{L}*$/iu.test(head)) return [MUNICIPALITY];
  return [];
}
