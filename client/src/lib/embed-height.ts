/**
 * Embeds size themselves: the page tells the page that frames it how tall it
 * is, whenever that changes, as Pym.js and iframe-resizer do. The snippet the
 * screens page hands out (embed-snippet.ts) carries the few lines that listen.
 * Message: { type: 'election-embed:height', height, src } sent to the parent.
 */
export const HEIGHT_MESSAGE = 'election-embed:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  /** The content's height in CSS pixels. */
  height: number;
  /** The embed's own address, so a page with several embeds sizes the right one. */
  src: string;
}

/** Reports the element's height to the parent now and after every change; returns the stop function. */
export function reportHeight(element: HTMLElement): () => void {
  if (window.parent === window) return () => {};
  let last = -1;
  const send = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, height, src: window.location.href };
    // Any page may frame an embed, so any origin may hear its height: it is not a secret.
    window.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  send();
  return () => observer.disconnect();
}
