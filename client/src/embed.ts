/**
 * /embed/*: which way this embed stays current. By default a reader's embed
 * polls a small cacheable reply (a CDN carries the audience); the map, and
 * any widget asked for with ?live=push, holds a socket as the newsroom's
 * screens do. Each way is its own chunk: a polling embed never loads socket.io.
 */
import { embedMode, embedWidget } from './lib/embed-widget.ts';

const params = new URLSearchParams(window.location.search);
const widget = embedWidget(window.location);
const mode = embedMode(widget, params);

if (mode.kind === 'poll') void import('./embed-poll.ts').then(({ startPollEmbed }) => startPollEmbed(mode.widget, params));
else void import('./embed-push.ts').then(({ startPushEmbed }) => startPushEmbed(widget, params));
