import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pairs, realClassifier, testClassifier } from './helpers.js';

const sv = (t: string) => testClassifier().classify(t, 'sv');
const en = (t: string) => testClassifier().classify(t, 'en');
// the same over the project's own lexicons and pipeline, as area:polarity pairs
const rsv = (t: string) => pairs(realClassifier().classify(t, 'sv'));
const ren = (t: string) => pairs(realClassifier().classify(t, 'en'));

describe('classifier rules (test lexicon)', () => {
  it('attaches each judgement to the area of its clause', () => {
    expect(pairs(sv('Personalen var trevlig'))).toBe('staff:pos');
    expect(pairs(sv('Appen är dålig men personalen är bra'))).toBe('digital:neg;staff:pos');
    // an ending written after an apostrophe ("app'en") is read with the word
    expect(pairs(sv("App'en är dålig"))).toBe('digital:neg');
    expect(pairs(en("The website's bad"))).toBe('digital:neg');
    // a clause naming no area, in a sentence naming several: the last cue before it
    expect(pairs(sv('Ringde handläggare om appen, toppen'))).toBe('digital:pos');
    expect(pairs(sv('Ringde om appen och handläggare, toppen'))).toBe('staff:pos');
  });

  it('scopes negation to its clause, before or after the verb', () => {
    expect(pairs(sv('Appen fungerar inte'))).toBe('digital:neg');
    expect(pairs(sv('Personalen var inte trevlig'))).toBe('staff:neg');
    expect(pairs(sv('Appen fungerar inte, personalen var trevlig'))).toBe('digital:neg;staff:pos');
    expect(pairs(en("The staff weren't helpful"))).toBe('staff:neg');
    // a negating preposition or determiner reaches only forward
    expect(pairs(sv('Personalen var trevlig utan att jag bad om det'))).toBe('staff:pos');
    expect(pairs(sv('Personalen var trevlig inte'))).toBe('staff:neg');
  });

  it('reads aspect-conditioned words by their target', () => {
    expect(pairs(sv('Lång väntetid'))).toBe('wait:neg');
    expect(pairs(sv('Kort väntetid'))).toBe('wait:pos');
    expect(pairs(sv('Långa öppettider'))).toBe('wait:pos');
    expect(pairs(sv('Väldigt lång telefonkö'))).toBe('wait:neg');
  });

  it('gives a judgement to the area its aspect group yields to, where the clause names it', () => {
    expect(pairs(sv('Korta öppettider'))).toBe('wait:neg');
    // a library's opening hours are about the library
    expect(pairs(sv('Biblioteket har korta öppettider'))).toBe('services:neg');
    // another word of waiting in the clause keeps it a wait
    expect(pairs(sv('Biblioteket har korta öppettider så man får vänta länge'))).toBe('wait:neg');
    // only in its own clause
    expect(pairs(sv('Biblioteket är bra, korta öppettider'))).toBe('wait:neg;services:pos');
  });

  it('keeps every reading of a word listed in several aspect groups', () => {
    // "kort" (duration) and "=kort" (staffing) are two patterns of the same word
    expect(pairs(sv('Kort väntetid'))).toBe('wait:pos');
  });

  it('reads no duration into a bare singular unit', () => {
    expect(pairs(sv('Det tog en minut i kö'))).toBe('wait:pos');
    expect(pairs(sv('Jag väntade minut för minut'))).toBe('wait:neu');
  });

  it('judges a negated expected thing as a complaint', () => {
    expect(pairs(sv('Fick inget svar på min fråga om väntetid'))).toBe('wait:neg');
  });

  it('takes idioms whole, negation included, and no-opinion phrases as no area', () => {
    expect(pairs(sv('Inga problem med appen'))).toBe('digital:pos');
    expect(pairs(sv('Inga synpunkter'))).toBe('');
    expect(pairs(en("Can't complain"))).toBe('overall:pos');
    expect(pairs(en("I really can't complain"))).toBe('overall:pos'); // its own negation is not applied again
    expect(pairs(en("Not 5 stars"))).toBe("overall:neg"); // a negator just before turns it
    expect(pairs(en('No comment'))).toBe('');
    expect(pairs(en('No comment, good luck'))).toBe(''); // politeness after a no-opinion phrase
    expect(pairs(en('Good luck'))).toBe('overall:pos');
    expect(pairs(en('5 stars'))).toBe('overall:pos'); // an entry may start with a number
  });

  it('reads a polarity word inside a longer area cue as part of the name', () => {
    expect(pairs(en('I asked about bad debt advice'))).toBe('services:neu');
    expect(pairs(en('The bad debt advice was good'))).toBe('services:pos');
    expect(pairs(en('The website was bad'))).toBe('digital:neg');
  });

  it('reads negative concord as one negation: a phrase opening with its own negator is not turned again', () => {
    expect(pairs(en('No problems'))).toBe('overall:pos');
    expect(pairs(en("I didn't have no problems"))).toBe('overall:pos');
    expect(pairs(en("I didn't have problems"))).toBe('');
    expect(pairs(en('Not 5 stars'))).toBe('overall:neg'); // a phrase without its own negator still turns
  });

  it('weights the clause after a contrast word', () => {
    const r = sv('Personalen var bra men mycket otrevlig');
    expect(pairs(r)).toBe('staff:neg');
  });

  it('lets a contrast reach to the end of its sentence', () => {
    // −3 before "men"; +2 in the last clause counts double: the comment ends well
    expect(pairs(sv('Personalen var mycket otrevlig, men efter ett tag, trevlig'))).toBe('staff:pos');
  });

  it('reads a contrast that names an area and judges nothing as the opposite of the clause before', () => {
    // "but the bin collection ..." judges nothing itself: it turns the praise before it
    expect(pairs(en('The staff were helpful but the bin collection, every single week'))).toBe('staff:pos;services:neg');
    expect(pairs(en('The website was bad. But the staff.'))).toBe('digital:neg;staff:pos');
    // a later clause of the contrast judges: that judgement decides, the rule stays out
    expect(pairs(en('The staff were helpful but the website, when it loaded, was good'))).toBe('digital:pos;staff:pos');
    // the same area before: the contrast is about something else in it
    expect(pairs(en('The staff were helpful but the staff, every single week'))).toBe('staff:pos');
    // a question asks
    expect(pairs(en('The staff were helpful. But the website?'))).toBe('staff:pos');
  });

  it('turns praise in a wish or counterfactual into a mild complaint', () => {
    expect(pairs(sv('Appen borde vara bra'))).toBe('digital:neg');
    expect(pairs(en('The website should be good'))).toBe('digital:neg');
  });

  it('reads a demand that names an area and judges nothing as a mild complaint about what it asks for', () => {
    expect(pairs(sv('Ni borde ha en app'))).toBe('digital:neg');
    // what is asked for comes after the verb: the last area named there
    expect(pairs(sv('Personalen borde ha en app'))).toBe('digital:neg');
    // a wish that is not a demand judges nothing of itself: the area it names stays neutral
    expect(pairs(sv('Jag önskar en app'))).toBe('digital:neu');
  });

  it('reads a long wait in a duration as a complaint, and sarcastic praise by what it means', () => {
    expect(pairs(sv('Fick vänta en timme i kö'))).toBe('wait:neg');
    expect(pairs(sv('Toppen, fick vänta en timme i kö'))).toBe('wait:neg');
    // an irony marker (lexicons/common/irony.tsv) turns the praise of its sentence
    expect(pairs(sv('Personalen var trevlig'))).toBe('staff:pos');
    expect(pairs(sv('Personalen var trevlig 🙃'))).toBe('staff:neg');
    expect(pairs(sv('Personalen var trevlig. 🙃'))).toBe('staff:neg');
    expect(pairs(sv('Appen är toppen 🙃 men personalen var trevlig'))).toBe('digital:neg;staff:pos');
  });

  it('reads an inquiry as a question that judges nothing, with or without a question mark', () => {
    expect(pairs(sv('Appen är bra'))).toBe('digital:pos');
    expect(pairs(sv('Jag undrar om appen är bra'))).toBe('');
    // the past tense tells what was asked, it does not ask
    expect(pairs(sv('Personalen svarade på allt jag undrade om appen, bra'))).not.toBe('');
  });

  it('reads a problem that persists, in a clause that judges nothing, as a mild complaint', () => {
    expect(pairs(sv('Mitt bygglov ligger hos er'))).toBe('services:neu');
    expect(pairs(sv('Mitt bygglov ligger fortfarande hos er'))).toBe('services:neg');
    // a question asks; a judgement in the clause speaks for itself
    expect(pairs(sv('Ligger mitt bygglov fortfarande hos er?'))).toBe('');
    expect(pairs(sv('Appen är fortfarande bra'))).toBe('digital:pos');
  });

  it('reads a contrast word closing its sentence as marking its own clause', () => {
    // "though" opening a clause concedes it; closing one, it is the contrast
    expect(pairs(en('The staff were helpful. The staff were bad though.'))).toBe('staff:neg');
    expect(pairs(en('Though the staff were bad, the staff were helpful.'))).toBe('staff:pos');
  });

  it('lets one intensifier or dampener stand inside a fixed phrase', () => {
    expect(pairs(en("I can't really complain about the council"))).toBe('overall:pos');
    expect(pairs(sv('Inga problem med appen'))).toBe('digital:pos');
    expect(pairs(sv('Inga mycket problem med appen'))).toBe('digital:pos');
    // only one, and not at the end of the phrase
    expect(pairs(sv('Inga mycket mycket problem med appen'))).not.toBe('digital:pos');
  });

  it('reads a duration framed as a turnaround as praise, unless hours are spent waiting', () => {
    expect(pairs(sv('Bygglovet klart på 2 timmar'))).toBe('wait:pos');
    expect(pairs(sv('Beslutet om bygglov kom 2 dagar senare'))).toBe('wait:pos');
    // the same hours as a stretch of waiting
    expect(pairs(sv('Fick vänta 2 timmar på bygglovet'))).toBe('wait:neg');
    expect(pairs(sv('Kom fram efter 45 minuter i kö'))).toBe('wait:neg');
    // a rate is no duration; an article before a function word is no number
    expect(pairs(sv('Kön är 2 timmar en dag'))).toBe('wait:neu');
    expect(pairs(sv('Väntade i kö 2 min'))).toBe('wait:pos');
    expect(pairs(sv('Kom till kön en med min mamma'))).toBe('wait:neu');
  });

  it('reads a negative word in adverb form before praise as a degree adverb', () => {
    expect(pairs(sv('Personalen var hemskt trevlig'))).toBe('staff:pos');
    const r = sv('Personalen var hemskt trevlig');
    expect(r.areas[0]?.evidence.map((e) => `${e.rule}:${e.text}`)).toEqual(['area-cue:Personalen', 'degree-adverb:hemskt', 'polarity:trevlig']);
    expect((r.areas[0]?.score ?? 0) > sv('Personalen var trevlig').areas[0]!.score).toBe(true);
    // an adjective form keeps its own valence
    expect(pairs(sv('Hemsk personal'))).toBe('staff:neg');
  });

  it('reads lone praise closing a complaint as irony, and a cue-less sentence as continuing the one before', () => {
    expect(pairs(sv('Lång väntetid i kön. Toppen.'))).toBe('wait:neg');
    // also across a sentence that judges nothing
    expect(pairs(sv('Lång väntetid i kön. Jag sitter här nu. Toppen.'))).toBe('wait:neg');
    expect(pairs(sv('Jag sökte bygglov i maj. Inte bra alls.'))).toBe('services:neg');
    // the topic carries over a sentence that names none, but not past one that names another
    expect(pairs(sv('Jag sökte bygglov i maj. Sex veckor. Inte bra alls.'))).toBe('services:neg');
    expect(pairs(sv('Jag sökte bygglov. Sen ringde jag. Ett. Två. Inte bra alls.'))).toBe('overall:neg');
    // a sentence naming a topic (services) and a channel (digital): the channel is carried
    expect(pairs(sv('Jag sökte bygglov i appen. Toppen!'))).toBe('digital:pos');
  });

  it('gives comments without judgement no area, or a neutral area when one is named', () => {
    expect(pairs(sv('Nej'))).toBe('');
    expect(pairs(sv('-'))).toBe('');
    expect(pairs(sv('Jag ringde om mitt bygglov'))).toBe('services:neu');
    // a zero-valence idiom with an area is a balanced judgement, not no opinion
    expect(pairs(sv('Inga synpunkter'))).toBe('');
    expect(pairs(sv('Varken bra eller dåligt'))).toBe('overall:neu');
    expect(pairs(sv('Appen var varken bra eller dåligt'))).toBe('digital:neu');
    // a mild judgement beside a balanced phrase does not tip it; a strong one does
    expect(pairs(sv('Appen fungerar, varken bra eller dåligt'))).toBe('digital:neu');
    expect(pairs(sv('Appen är toppen, varken bra eller dåligt'))).toBe('digital:pos');
  });

  it('uses overall for judgements about no particular area', () => {
    expect(pairs(sv('Bra!'))).toBe('overall:pos');
    expect(pairs(en('👍'))).toBe('overall:pos');
  });

  it('shows the evidence spans with rule and entry', () => {
    const r = sv('Lång väntetid 😡');
    expect(r.areas).toEqual([
      {
        area: 'wait',
        polarity: 'neg',
        score: -0.928,
        evidence: [
          { text: 'Lång', start: 0, end: 4, rule: 'aspect:duration', entry: 'lexicons/sv/aspects.json:1 lång' },
          { text: 'väntetid', start: 5, end: 13, rule: 'area-cue', entry: 'lexicons/sv/areas.tsv:5 väntetid' },
          { text: 'väntetid', start: 5, end: 13, rule: 'aspect-target:duration', entry: 'lexicons/sv/aspects.json:1 väntetid' },
          { text: '😡', start: 14, end: 16, rule: 'emoji', entry: 'lexicons/common/emoji.tsv:3 😡' },
        ],
      },
    ]);
    expect(r.sentiment.label).toBe('neg');
  });

  it('is deterministic and never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('sv', 'en', undefined), (s, lang) => {
        const a = testClassifier().classify(s, lang);
        const b = testClassifier().classify(s, lang);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(a.sentiment.score).toBeGreaterThanOrEqual(-1);
        expect(a.sentiment.score).toBeLessThanOrEqual(1);
        for (const area of a.areas) for (const e of area.evidence) expect(s.slice(e.start, e.end)).toBe(e.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('areas named without a judgement (project lexicons and pipeline)', () => {
  it('gives a neutral mention to a topic area, and none to a judged-only one (staff, wait, overall)', () => {
    expect(rsv('Jag pratade med en handläggare om mitt bygglov.')).toBe('services:neu');
    expect(ren('I rang and spoke to a lady about my bin collection.')).toBe('services:neu');
    expect(rsv('Jag ringde kommunen.')).toBe('');
    expect(ren('I queued at the desk to hand in the form.')).toBe('');
    // once anything is judged, a named area is scored as before
    expect(ren('I queued at the desk for an hour.')).toBe('wait:neg');
  });
});

describe('people named in a comment (project lexicons)', () => {

  it('reads a given name as the official who handled the errand', () => {
    expect(rsv('Tack Maria!')).toBe('staff:pos');
    expect(ren('Thanks Sarah, sorted in no time')).toMatch(/staff:pos/);
    // names that are also words stay words: "per" is a preposition, "hans" a pronoun
    expect(rsv('Två gånger per vecka är bra')).not.toMatch(/staff/);
    expect(rsv('Hans ansökan gick igenom, bra')).not.toMatch(/staff/);
  });
});

describe('how a duration is framed (project lexicons and pipeline)', () => {

  it('reads two dated events in a row as the time the errand took', () => {
    // days between weekdays: a turnaround, praise
    expect(ren('Rang on the Monday to book a bulky collection and they came on the Wednesday.')).toBe('wait:pos');
    expect(rsv('Sökte bygglov i mars, beslutet kom i juni.')).toBe('wait:neg');
    // months: two or more is a long wait; one is too coarse to judge
    expect(ren('Applied for a parking permit in January. It\'s now April.')).toBe('wait:neg');
    expect(ren('Applied for a parking permit in March, got it in April.')).toBe('services:neu');
    // still going on: the words carry the complaint, the days are no praise
    expect(ren('Reported the streetlight on Monday, still not fixed on Friday.')).toBe('services:neg');
    // a list or a range, and a question, span nothing
    expect(ren('The tip is open Tuesdays and Fridays.')).toBe('services:neu');
    expect(rsv('Biblioteket har öppet måndag till fredag.')).toBe('services:neu');
    expect(ren('Could you ring me Monday or Tuesday?')).toBe('');
  });

  it('reads a duration after a negation as how long nothing happened, not as a turnaround', () => {
    expect(rsv('Soptunnan har inte tömts på 3 veckor')).toBe('services:neg');
    expect(ren('The bins have not been emptied in 3 weeks')).toBe('services:neg');
    // about waiting, it stays a complaint about waiting
    expect(rsv('Har inte fått svar på tre veckor')).toBe('wait:neg');
    // a negation after the duration is another matter
    expect(ren('I was answered within a couple of minutes by a man who could not have been more helpful')).toBe('wait:pos;staff:pos');
  });

  it('reads a bare stretch of days as praise only in a sentence about waiting', () => {
    expect(rsv('Vattnet har varit brunt i tre dagar')).toBe('services:neg');
    expect(rsv('Det tog två dagar att få svar')).toBe('wait:pos');
  });

  it('reads the time something took as handling time, whatever the sentence names', () => {
    expect(rsv('Det tog tre månader att få beslut om färdtjänst')).toMatch(/wait:neg/);
    expect(ren('The council tax reduction took 9 weeks to process')).toMatch(/wait:neg/);
    // a negator before the verb is about something else
    expect(ren("Can't believe it took 8 months for a decision")).toMatch(/wait:neg/);
    // a short one after a sentence about a self-service task is about that task
    expect(rsv('Äntligen går det att boka båtplats online! Tog två minuter.')).toBe('digital:pos');
    // without the verb, a stretch of months is how long a problem lasted
    expect(rsv('Gatlampan har varit trasig i tre månader')).not.toMatch(/wait/);
  });

  it('reads a wait counted from a point in time as at least that long, in a sentence about waiting', () => {
    expect(rsv('Vi har väntat på beslut om bostadsanpassning sedan januari. Handläggaren är trevlig.')).toBe('wait:neg;staff:pos');
    expect(rsv('Har väntat på svar sedan i våras')).toBe('wait:neg');
    // not about waiting: how long a problem has lasted
    expect(rsv('Gatlyktan har varit släckt sedan oktober')).not.toMatch(/wait/);
    // a point days back says nothing of a long wait
    expect(rsv('Har väntat på svar sedan i måndags')).not.toMatch(/wait:neg/);
  });

  it('gives the time a self-service task took to the self-service area', () => {
    expect(rsv('Webbformuläret tog 2 min att fylla i')).toBe('digital:pos');
    expect(ren('Renewed my permit online in 5 minutes')).toBe('digital:pos');
    // a person or a queue in the sentence makes it a response time
    expect(rsv('I chatten fick jag prata med en handläggare efter två minuter')).toMatch(/wait:pos/);
    // days are handling time, wherever the application was made
    expect(rsv('Sökte i e-tjänsten och fick beslut på tre dagar')).toMatch(/wait:pos/);
  });
});
