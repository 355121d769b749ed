// Chat text → command: what a user types in Teams, with or without the slash, in any case, with or
// without å/ä/ö, and what the bot makes of it.
import { expect } from 'chai';
import fc from 'fast-check';
import { closestCommand, COMMAND_WORDS, parseCommand, type Command } from '../../src/domain/command.js';
import { editDistance, fold } from '../../src/domain/text.js';

type Kind = Command['kind'];
type WordKind = keyof typeof COMMAND_WORDS;

const KINDS: readonly Kind[] = [
  'help',
  'log',
  'status',
  'summary',
  'followUp',
  'mine',
  'undo',
  'done',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'newAgreement',
  'agreement',
  'smallTalk',
  'empty',
  'unknown',
];
const WITH_ARGS = new Set<Kind>([
  'log',
  'status',
  'summary',
  'followUp',
  'done',
  'subscribe',
  'newAgreement',
  'agreement',
]);
const ALL_WORDS: [WordKind, string][] = (Object.entries(COMMAND_WORDS) as [WordKind, readonly string[]][]).flatMap(
  ([kind, names]) => names.map((n): [WordKind, string] => [kind, n]),
);

function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize('NFC');
}

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The parsed command's args, or undefined for kinds that take none. */
function argsOf(c: Command): string | undefined {
  return 'args' in c ? c.args : undefined;
}

describe('command.parseCommand', () => {
  describe('every command word', () => {
    for (const [kind, word] of ALL_WORDS) {
      const forms = [
        ...new Set([
          word,
          `/${word}`,
          word.toUpperCase(),
          `/${word.toUpperCase()}`,
          `/${titleCase(word)}`,
          stripDiacritics(word),
          `/${stripDiacritics(word).toUpperCase()}`,
        ]),
      ];
      it(`${JSON.stringify(word)} → ${kind} (${forms.length} forms)`, () => {
        for (const form of forms) {
          const c = parseCommand(form);
          expect(c.kind, form).to.equal(kind);
          if (WITH_ARGS.has(kind)) expect(argsOf(c), form).to.equal('');
        }
      });
    }

    it('knows the Swedish words people use', () => {
      const expected: [string, Kind][] = [
        ['/hjälp', 'help'],
        ['/logga', 'log'],
        ['/status', 'status'],
        ['/sammanfattning', 'summary'],
        ['/uppföljning', 'followUp'],
        ['/mina', 'mine'],
        ['/ångra', 'undo'],
        ['/klar', 'done'],
        ['/prenumerera', 'subscribe'],
        ['/avprenumerera', 'unsubscribe'],
        ['/prenumerationer', 'subscriptions'],
        ['/nytt-medborgarlöfte', 'newAgreement'],
      ];
      for (const [text, kind] of expected) expect(parseCommand(text).kind, text).to.equal(kind);
    });
  });

  describe('folding', () => {
    it('/ångra = ångra = angra = ANGRA = Ångra = ÅNGRA', () => {
      for (const t of ['/ångra', 'ångra', 'angra', 'ANGRA', 'Ångra', 'ÅNGRA', '/Angra', '  /ångra  ']) {
        expect(parseCommand(t), t).to.deep.equal({ kind: 'undo' });
      }
    });

    it('reads decomposed å/ä/ö (NFD, as some keyboards send them) like the composed ones', () => {
      expect(parseCommand('/ångra'.normalize('NFD'))).to.deep.equal({ kind: 'undo' });
      expect(parseCommand('/uppföljning T1'.normalize('NFD')).kind).to.equal('followUp');
      expect(parseCommand('/hjälp'.normalize('NFD'))).to.deep.equal({ kind: 'help' });
    });

    it('/hjalp and /uppfoljning without dots are the commands themselves', () => {
      expect(parseCommand('/hjalp')).to.deep.equal({ kind: 'help' });
      expect(parseCommand('/HJALP')).to.deep.equal({ kind: 'help' });
      expect(parseCommand('/uppfoljning T2 2020')).to.deep.equal({ kind: 'followUp', args: 'T2 2020' });
    });

    it('accepts several slashes and a space after the slash', () => {
      expect(parseCommand('//status 2020')).to.deep.equal({ kind: 'status', args: '2020' });
      expect(parseCommand('/ hjälp')).to.deep.equal({ kind: 'help' });
    });
  });

  describe('arguments', () => {
    it('keeps the args as written (case, å/ä/ö, inner spacing), trimmed at the ends', () => {
      expect(parseCommand('/logga Gemensam Krogtillsyn på Öxnehaga igår')).to.deep.equal({
        kind: 'log',
        args: 'Gemensam Krogtillsyn på Öxnehaga igår',
      });
      expect(parseCommand('  LOGGA   krogtillsyn  3 st: lugn kväll  ')).to.deep.equal({
        kind: 'log',
        args: 'krogtillsyn  3 st: lugn kväll',
      });
      expect(parseCommand('/logga\nkrogtillsyn\tigår')).to.deep.equal({ kind: 'log', args: 'krogtillsyn\tigår' });
      expect(parseCommand('/status torsdagsmöte')).to.deep.equal({ kind: 'status', args: 'torsdagsmöte' });
      expect(parseCommand('/klar enkätundersökning')).to.deep.equal({ kind: 'done', args: 'enkätundersökning' });
      expect(parseCommand('/sammanfattning tertial')).to.deep.equal({ kind: 'summary', args: 'tertial' });
      expect(parseCommand('/prenumerera veckovis')).to.deep.equal({ kind: 'subscribe', args: 'veckovis' });
    });

    it('drops words after commands that take none', () => {
      expect(parseCommand('/mina senaste')).to.deep.equal({ kind: 'mine' });
      expect(parseCommand('/ångra den sista')).to.deep.equal({ kind: 'undo' });
      expect(parseCommand('/hjälp logga')).to.deep.equal({ kind: 'help' });
    });

    it('reads "nytt medborgarlöfte 2026 från 2020" written with a space', () => {
      const expected = { kind: 'newAgreement', args: '2026 från 2020' };
      for (const t of [
        'nytt medborgarlöfte 2026 från 2020',
        '/nytt medborgarlöfte 2026 från 2020',
        '/NYTT MEDBORGARLÖFTE 2026 från 2020',
        '/nytt medborgarlofte 2026 från 2020',
        '/ny medborgarlöfte 2026 från 2020',
        '/nytt-medborgarlöfte 2026 från 2020',
        '/nyttmedborgarlöfte 2026 från 2020',
        '/nytt   medborgarlöfte   2026 från 2020',
      ]) {
        expect(parseCommand(t), t).to.deep.equal(expected);
      }
      expect(parseCommand('/nytt medborgarlöfte')).to.deep.equal({ kind: 'newAgreement', args: '' });
      expect(parseCommand('/nytt-löfte 2026')).to.deep.equal({ kind: 'newAgreement', args: '2026' });
    });

    it('does not read "nytt" followed by anything else as a new agreement', () => {
      expect(parseCommand('/nytt år').kind).to.equal('unknown');
      expect(parseCommand('/nytt medborgarlöftesarbete').kind).to.equal('unknown');
    });
  });

  describe('anchored matching: a command word is a whole word', () => {
    it('"statusrapport" is not status, "loggaxyz" is not logga', () => {
      expect(parseCommand('/statusrapport')).to.deep.equal({ kind: 'unknown', word: 'statusrapport' });
      expect(parseCommand('loggaxyz krogtillsyn')).to.deep.equal({ kind: 'unknown', word: 'loggaxyz' });
      expect(parseCommand('/minamina').kind).to.equal('unknown');
      expect(parseCommand('/prenumerationerna').kind).to.equal('unknown');
    });

    it('a command word later in the text is not a command', () => {
      // A question is small talk, answered with a pointer to /status, never the status command itself.
      expect(parseCommand('vad är status på krogtillsynen?')).to.deep.equal({ kind: 'smallTalk', topic: 'question' });
      expect(parseCommand('jag vill logga')).to.deep.include({ kind: 'unknown', word: 'jag' });
    });

    it('"status:" with punctuation glued on is not the command (but is suggested)', () => {
      expect(parseCommand('status: krogtillsyn')).to.deep.equal({
        kind: 'unknown',
        word: 'status:',
        suggestion: 'status',
      });
    });
  });

  describe('typos', () => {
    it('a one-letter typo of a command that only shows or opens something is that command', () => {
      const cases: [string, Command][] = [
        ['/statu', { kind: 'status', args: '' }],
        ['/ststus 2020', { kind: 'status', args: '2020' }],
        ['loga krogtillsyn igår', { kind: 'log', args: 'krogtillsyn igår' }],
        ['/lgga', { kind: 'log', args: '' }],
        ['/hjlp', { kind: 'help' }],
        ['/hjälpp', { kind: 'help' }],
        ['/sammanfatning', { kind: 'summary', args: '' }],
        ['/summeing', { kind: 'summary', args: '' }],
        ['/uppfoljnig', { kind: 'followUp', args: '' }],
      ];
      for (const [text, command] of cases) expect(parseCommand(text), text).to.deep.equal(command);
    });

    it('suggests the closest command word for other typos, showing its main spelling', () => {
      const cases: [string, string][] = [
        // Commands that remove or change something are never run on a typo.
        ['/ngra', 'ångra'],
        ['/klr', 'klar'],
        ['/prenumerationr', 'prenumerationer'],
        // Too short to be sure, or more than one letter off.
        ['/mna', 'mina'],
        ['/lgg', 'logga'],
        ['/stauts', 'status'],
      ];
      for (const [text, suggestion] of cases) {
        const c = parseCommand(text);
        expect(c, text).to.deep.equal({ kind: 'unknown', word: text.slice(1), suggestion });
      }
    });

    it('keeps the word as written in the unknown command', () => {
      expect(parseCommand('/Ngra 2020')).to.deep.equal({ kind: 'unknown', word: 'Ngra', suggestion: 'ångra' });
    });

    it('suggests nothing for far-off words', () => {
      for (const text of ['/xyzzy', '/krogtillsyn', '/ngr', '/öxnehaga', '/' + 'x'.repeat(200)]) {
        const c = parseCommand(text);
        expect(c.kind, text).to.equal('unknown');
        expect(c, text).to.not.have.property('suggestion');
      }
    });

    it('greetings, thanks and questions are small talk', () => {
      const cases: [string, string][] = [
        ['hej', 'greeting'],
        ['Hej!', 'greeting'],
        ['/hej', 'greeting'],
        ['god morgon', 'greeting'],
        ['tack', 'thanks'],
        ['Tack så mycket!', 'thanks'],
        ['tusen tack', 'thanks'],
        ['hur ligger vi till?', 'question'],
        ['Hur går det', 'question'],
        ['ligger vi efter?', 'question'],
      ];
      for (const [text, topic] of cases) expect(parseCommand(text), text).to.deep.equal({ kind: 'smallTalk', topic });
      expect(parseCommand('god').kind).to.equal('unknown');
    });

    it('a single stray character is one edit from "?", so help is suggested', () => {
      expect(parseCommand('/a')).to.deep.equal({ kind: 'unknown', word: 'a', suggestion: 'hjälp' });
    });

    it('closestCommand allows one edit for short words, two up to eight letters, three beyond', () => {
      expect(closestCommand('mia')).to.equal('mina');
      expect(closestCommand('ma')).to.equal(undefined);
      expect(closestCommand('stats')).to.equal('status');
      expect(closestCommand('sttu')).to.equal(undefined);
      expect(closestCommand('prenumeratio')).to.equal('prenumerationer');
      expect(closestCommand('')).to.equal(undefined);
      expect(closestCommand('status'.repeat(10))).to.equal(undefined);
    });
  });

  describe('empty', () => {
    it('nothing, whitespace or only slashes is empty', () => {
      for (const t of ['', ' ', '   \n\t ', '/', '//', '/   ', '\u00a0', '\u2003\u3000']) {
        expect(parseCommand(t), JSON.stringify(t)).to.deep.equal({ kind: 'empty' });
      }
    });
  });

  describe('properties', () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom(
          '/',
          ' ',
          '\n',
          'å',
          'Ö',
          'a',
          'n',
          'y',
          't',
          'l',
          'o',
          'g',
          '-',
          'medborgarlöfte',
          'nytt',
          '\u0301',
          '🚓',
          '\ud800',
        ),
        maxLength: 60,
      }),
    );

    it('"/medborgarlöfte ändra 2020" changes an agreement; "nytt medborgarlöfte …" still makes one', () => {
      expect(parseCommand('/medborgarlöfte ändra 2020')).to.deep.equal({ kind: 'agreement', args: 'ändra 2020' });
      expect(parseCommand('medborgarlofte andra')).to.deep.equal({ kind: 'agreement', args: 'andra' });
      expect(parseCommand('nytt medborgarlöfte 2026 från 2020').kind).to.equal('newAgreement');
    });

    function checkShape(c: Command): void {
      expect(KINDS).to.include(c.kind);
      if (WITH_ARGS.has(c.kind)) expect(argsOf(c)).to.be.a('string');
      if (c.kind === 'unknown') {
        expect(c.word).to.be.a('string').and.not.equal('');
        if (c.suggestion !== undefined) expect(ALL_WORDS.map(([, w]) => w)).to.include(c.suggestion);
      }
    }

    it('never throws, and always returns one of the kinds', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          checkShape(parseCommand(text));
        }),
        { numRuns: 500 },
      );
    });

    it('copes with very long input (up to 20,000 characters)', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
          fc.integer({ min: 1_000, max: 20_000 }),
          fc.constantFrom('', '/', '/logga ', 'nytt medborgarlöfte '),
          (chunk, length, prefix) => {
            const text = prefix + chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length);
            checkShape(parseCommand(text));
          },
        ),
        { numRuns: 30 },
      );
      const huge = '/logga ' + 'krogtillsyn '.repeat(1_700);
      const c = parseCommand(huge);
      expect(c.kind).to.equal('log');
      expect(argsOf(c)).to.equal(huge.slice('/logga '.length).trim());
      expect(parseCommand('x'.repeat(20_000))).to.deep.equal({ kind: 'unknown', word: 'x'.repeat(20_000) });
    });

    it('/<word> <args> is that command with the args trimmed, for every command word in any case', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...ALL_WORDS),
          fc.constantFrom<(w: string) => string>(
            (w) => w,
            (w) => w.toUpperCase(),
            titleCase,
            stripDiacritics,
          ),
          fc.boolean(),
          fc.string({ maxLength: 80 }),
          ([kind, word], written, slash, args) => {
            const c = parseCommand(`${slash ? '/' : ''}${written(word)} ${args}`);
            expect(c.kind).to.equal(kind);
            if (WITH_ARGS.has(kind)) expect(argsOf(c)).to.equal(args.trim());
          },
        ),
        { numRuns: 500 },
      );
    });

    it('words that are not command words are never a command', () => {
      const known = new Set(ALL_WORDS.map(([, w]) => stripDiacritics(w).toLowerCase()));
      fc.assert(
        fc.property(fc.stringMatching(/^[a-zåäö]{1,15}$/), (w) => {
          fc.pre(!known.has(stripDiacritics(w)) && w !== 'nytt' && w !== 'ny');
          const c = parseCommand(`/${w} 2020`);
          // A one-letter typo of a command word is that command, and small talk is small talk.
          const typo = w.length >= 4 && ALL_WORDS.some(([, cw]) => editDistance(fold(w), fold(cw)) === 1);
          if (!typo && c.kind !== 'smallTalk') expect(c.kind).to.equal('unknown');
        }),
        { numRuns: 300 },
      );
    });
  });
});
