/**
 * The share images' layouts, as the element trees satori lays out: a seat's
 * result, and the party table under the House's headline. Plain objects, built
 * here on the main thread (cheap), rendered in the render worker (not cheap).
 */
import { headline } from '../../shared/domain/headline.ts';
import { surname, type MayoralRace } from '../../shared/domain/mayoral-race.ts';
import type { Election, HouseSummary, Party, SeatState } from '../../shared/protocol/schemas.ts';
import { partyColour, textColourOn } from '../../shared/domain/party-colour.ts';
import { SHARE_SIZES, type ShareSize } from '../../shared/protocol/share-urls.ts';
import { formatNumber, formatPercent } from '../../shared/domain/figures.ts';
import { formatUkStamp } from '../../shared/domain/uk-time.ts';

export interface Element {
  type: 'div';
  props: { style: Record<string, string | number>; children?: Array<Element | string> | string };
}

const div = (style: Record<string, string | number>, ...children: Array<Element | string>): Element => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

const INK = '#1a1a1a';
const seatsWord = (n: number) => `${n} seat${n === 1 ? '' : 's'}`;

export interface CardFrame {
  election: Election;
  size: ShareSize;
  /** "Declared 2:31 am" or similar, in UK time. */
  at: string | null;
  footer: string;
}

/** The frame every card shares: the election and time across the top, the footer, and REHEARSAL across it when it is one. */
function frame({ election, size, at, footer }: CardFrame, ...body: Element[]): Element {
  const { width, height } = SHARE_SIZES[size];
  const rehearsal = election.mode !== 'live';
  return div(
    { width, height, flexDirection: 'column', background: '#f6f5f1', color: INK, fontFamily: 'DejaVu Sans', position: 'relative' },
    div(
      {
        justifyContent: 'space-between',
        alignItems: 'center',
        padding: '22px 40px',
        background: rehearsal ? '#a4161a' : '#14213d',
        color: '#ffffff',
        fontSize: 26,
      },
      div({}, rehearsal ? `${election.mode.toUpperCase()}: NOT REAL RESULTS` : election.name),
      div({}, at ? formatUkStamp(at) : ''),
    ),
    div({ flexDirection: 'column', flexGrow: 1, padding: '28px 40px 0' }, ...body),
    div({ padding: '14px 40px 22px', fontSize: 22, color: '#555555' }, footer),
    ...(rehearsal
      ? [
          div(
            {
              position: 'absolute',
              top: height / 2 - 90,
              left: -width * 0.1,
              width: width * 1.2,
              justifyContent: 'center',
              fontSize: size === 'square' ? 150 : 140,
              fontWeight: 700,
              color: 'rgba(164, 22, 26, 0.28)',
              transform: 'rotate(-18deg)',
              letterSpacing: 8,
            },
            election.mode.toUpperCase(),
          ),
        ]
      : []),
  );
}

function pill(text: string, colour: string, fontSize: number): Element {
  return div({ background: colour, color: textColourOn(colour), padding: '6px 18px', borderRadius: 8, fontSize, fontWeight: 700 }, text);
}

/** A labelled bar; `line`, where given, marks a fraction of the track (the majority line). */
function bar(label: string, detail: string, fraction: number, colour: string, widthPx: number, fontSize: number, line?: number): Element {
  const height = Math.round(fontSize * 0.75);
  const marker =
    line === undefined
      ? []
      : [div({ position: 'absolute', left: Math.round(widthPx * line) - 2, top: -4, width: 4, height: height + 8, background: INK })];
  return div(
    { flexDirection: 'column', marginBottom: 10 },
    div({ justifyContent: 'space-between', fontSize }, div({ fontWeight: 700 }, label), div({}, detail)),
    div(
      { width: widthPx, height, background: '#e2e0da', borderRadius: 4, position: 'relative' },
      div({ width: Math.max(4, Math.round(widthPx * Math.min(1, fraction))), height: '100%', background: colour, borderRadius: 4 }),
      ...marker,
    ),
  );
}

const KIND_WORDS = {
  declared: 'declaration',
  corrected: 'correction',
  recount: 'recount called',
  withdrawn: 'result withdrawn',
  rushed: 'rush, awaiting figures',
} as const;

/** A seat's version: seat, HOLD/GAIN, majority, each candidate's bar in the party's colour. */
export function seatCard(election: Election, seat: SeatState, parties: readonly Party[], size: ShareSize): Element {
  const { width } = SHARE_SIZES[size];
  const square = size === 'square';
  const outcome = seat.outcome;
  const footer = `${seat.name} · version ${seat.version}${seat.lastChange ? `, ${KIND_WORDS[seat.lastChange]}` : ''}`;
  const head = div({ fontSize: square ? 64 : 54, fontWeight: 700, marginBottom: 14 }, seat.name);
  if (!outcome) {
    const status = seat.rush
      ? `${seat.rush.label.text}: awaiting figures`
      : seat.status === 'recount'
        ? 'Recount called'
        : 'Result withdrawn: undeclared';
    return frame(
      { election, size, at: seat.updatedAt, footer },
      head,
      div({ fontSize: 44, marginBottom: 16 }, status),
      ...(seat.lastReason ? [div({ fontSize: 30, color: '#444444' }, seat.lastReason)] : []),
    );
  }
  const winnerColour = partyColour(parties, outcome.label.party);
  const shown = outcome.candidates.slice(0, square ? 8 : 4);
  const rest = outcome.candidates.slice(shown.length);
  const top = Math.max(...outcome.candidates.map((c) => c.share), 1);
  const barWidth = width - 80;
  const fontSize = square ? 30 : 26;
  const rows = shown.map((c) =>
    bar(
      `${c.party}  ${c.name}`,
      `${formatNumber(c.votes)} · ${formatPercent(c.share)}`,
      c.share / top,
      partyColour(parties, c.party),
      barWidth,
      fontSize,
    ),
  );
  if (rest.length > 0) {
    const share = rest.reduce((sum, c) => sum + c.share, 0);
    rows.push(
      div({ fontSize: fontSize - 4, color: '#555555' }, `${rest.length} other${rest.length === 1 ? '' : 's'}: ${formatPercent(share)}`),
    );
  }
  const majority =
    outcome.runnerUp === null
      ? 'elected unopposed'
      : `majority ${formatNumber(outcome.majority)} (${formatPercent(outcome.majorityPercent)})`;
  const swing = outcome.swing ? ` · ${formatPercent(outcome.swing.points)} swing ${outcome.swing.from} to ${outcome.swing.to}` : '';
  return frame(
    { election, size, at: seat.updatedAt, footer },
    head,
    div({ alignItems: 'center', marginBottom: 14 }, pill(outcome.label.text, winnerColour, square ? 46 : 40)),
    div({ fontSize: square ? 32 : 28, marginBottom: 22 }, `${outcome.winner.name}, ${majority}${swing}`),
    div({ flexDirection: 'column' }, ...rows),
  );
}

/** The party table under the House's headline, with the majority line. */
export function houseCard(election: Election, house: HouseSummary, parties: readonly Party[], size: ShareSize, at: string | null): Element {
  const { width } = SHARE_SIZES[size];
  const square = size === 'square';
  const rows = house.partyTable.filter((r) => r.seats > 0).slice(0, square ? 9 : 5);
  const barWidth = width - 80;
  const fontSize = square ? 30 : 26;
  const scale = Math.max(Math.ceil(house.majorityLine * 1.2), ...rows.map((r) => r.seats));
  const net = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');
  return frame(
    {
      election,
      size,
      at,
      footer: `Party table · ${house.declared} of ${house.totalSeats} seats declared · ${house.majorityLine} for a majority`,
    },
    div({ fontSize: square ? 44 : 38, fontWeight: 700, marginBottom: 22 }, headline(house).text),
    div({ fontSize: 22, color: '#555555', marginBottom: 12 }, `The black line: ${house.majorityLine} seats, a majority`),
    div(
      { flexDirection: 'column' },
      ...rows.map((r) =>
        bar(
          r.party,
          `${seatsWord(r.seats)} · ${net(r.net)}`,
          r.seats / scale,
          partyColour(parties, r.party),
          barWidth,
          fontSize,
          house.majorityLine / scale,
        ),
      ),
    ),
  );
}

/** A mayoral count (ADR 0025): the race's line, the areas declared, and the candidates' bars (the result once declared). */
export function raceCard(election: Election, race: MayoralRace, parties: readonly Party[], size: ShareSize, at: string | null): Element {
  const { width } = SHARE_SIZES[size];
  const square = size === 'square';
  const counted = race.declaredResult ?? race.areasResult;
  const rows = counted?.secondRound ?? (counted?.firstRound ?? race.totals).slice(0, square ? 6 : 3);
  const top = Math.max(1, ...rows.map((c) => c.votes));
  const fontSize = square ? 30 : 26;
  const closing =
    race.decided === true && race.areasDeclared < race.areasTotal
      ? ': the gap cannot now be closed'
      : race.decided === false
        ? ': the gap can still be closed'
        : '';
  const status = counted?.secondRound
    ? 'After second choices'
    : `${race.areasDeclared} of ${race.areasTotal} areas declared${race.declaredResult ? '' : closing}`;
  return frame(
    { election, size, at, footer: `The mayoral count · ${race.areasDeclared} of ${race.areasTotal} areas declared` },
    div({ fontSize: square ? 44 : 38, fontWeight: 700, marginBottom: 18 }, race.line),
    div({ fontSize: 24, color: '#555555', marginBottom: 16 }, status),
    div(
      { flexDirection: 'column' },
      ...rows.map((c) =>
        bar(`${c.party}  ${surname(c.name)}`, formatNumber(c.votes), c.votes / top, partyColour(parties, c.party), width - 80, fontSize),
      ),
    ),
  );
}
