/**
 * /embed/map, and any widget asked for with ?live=push (a newsroom's own page): an embed that
 * holds a socket, as the newsroom's screens do. A reader's polling widget gets its own page,
 * embed-poll.html (the server picks it from the address: shared/protocol/embed-pages.ts).
 */
import { embedWidget } from './lib/embed-widget.ts';
import { startPushEmbed } from './embed-push.ts';

startPushEmbed(embedWidget(window.location), new URLSearchParams(window.location.search));
