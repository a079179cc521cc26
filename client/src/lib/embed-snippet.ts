/**
 * The code a live-blogger pastes for an embed: the iframe, a comment saying
 * how it stays current, and the few lines that let it size itself (the page
 * inside posts its height: embed-height.ts). The listener trusts only
 * messages from this site and sizes only the frame that sent them.
 */
import { escapeMarkup } from '../../../shared/protocol/markup.ts';
import { HEIGHT_MESSAGE } from './embed-height.ts';
import { DEFAULT_EVERY_SECONDS } from './embed-poll-interval.ts';
import type { EmbedWidget } from './embed-widget.ts';

/** The height the frame starts at, before the embed reports its own. */
export const START_HEIGHTS: Record<EmbedWidget, number> = { 'party-table': 460, seat: 520, latest: 600, map: 720, race: 420 };

export function embedSnippet({
  origin,
  widget,
  election,
  seat,
  title,
}: {
  origin: string;
  widget: EmbedWidget;
  election: string;
  seat?: string;
  title: string;
}): string {
  const params = new URLSearchParams({ election });
  if (widget === 'seat') params.set('seat', seat ?? '');
  const src = `${origin}/embed/${widget}?${params.toString()}`;
  const how =
    widget === 'map'
      ? 'Live over a socket (the map draws every seat).'
      : `Asks for new figures every ${DEFAULT_EVERY_SECONDS} s (&every=N to change; a CDN can answer it); ` +
        `&live=push holds a socket instead.`;
  const listener =
    `addEventListener("message",function(e){` +
    `var d=e.data;if(e.origin!==${JSON.stringify(origin)}||!d||d.type!==${JSON.stringify(HEIGHT_MESSAGE)})return;` +
    `document.querySelectorAll("iframe[data-election-embed]").forEach(function(f){` +
    `if(f.contentWindow===e.source)f.style.height=d.height+"px"})});`;
  return (
    `<!-- ${escapeMarkup(title)}. ${how} -->\n` +
    `<iframe src="${escapeMarkup(src)}" title="${escapeMarkup(title)}" width="100%" height="${START_HEIGHTS[widget]}" ` +
    `style="border:0;max-width:700px" loading="lazy" data-election-embed></iframe>\n` +
    `<script>${listener}</script>`
  );
}
