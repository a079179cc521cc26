/**
 * Public reads that thousands of readers fetch between two declarations (the
 * state, the reference, the embeds' small replies) are compressed once per
 * version and the bytes kept: Brotli for the browsers that ask for it (all of
 * them), gzip for the rest. @fastify/compress would compress the same 1.2 MB
 * again for every reader; it still compresses every other reply, and leaves
 * these alone because they already carry a Content-Encoding.
 */
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';

const brotliOffThread = promisify(brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/** Quality 5 for what is compressed per reply: within a few per cent of 11 on JSON, at a small fraction of the time (ADR 0022). */
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
/**
 * Kept replies are compressed once, so at the best quality where the body is small enough for that
 * to take a millisecond or two. A large one goes at quality 5 (the 2019 state: 0.1 s, where 11 takes
 * 10 s). One that lasts the night (the reference: it changes with an import, not a declaration) is
 * made at quality 11 on libuv's thread pool before its first reader is answered (ready()): 44.3 KB
 * for the 2019 reference where quality 5 gave 53.6 KB. A state or snapshot changes with every
 * declaration: quality 11 for each would keep a core busy all night (the lean snapshot takes 10).
 */
const BEST_AT_ONCE_UNDER_BYTES = 64 * 1024;
const quality = (q: number, bytes: Buffer) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: q, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
});

/** Replies compressed as they go, shorter than this, go as they are: the encoding's own overhead eats the gain. */
export const COMPRESS_THRESHOLD_BYTES = 1024;
/** A kept body is compressed once, so it is tried from this size; it goes compressed if that saves more than the header line. */
const KEPT_WORTH_TRYING_BYTES = 200;
/** `content-encoding: br` and its line end. */
const ENCODING_LINE_BYTES = 24;

/** The best encoding the reader accepts (q=0 refuses one); identity when it names neither. */
export function acceptedEncoding(header: string | string[] | undefined): Encoding {
  if (header === undefined) return 'identity';
  const offered = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find((m) => m !== null);
    offered.set(name.trim(), q ? Number(q[1]) : 1);
  }
  const ok = (name: Encoding) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

/** One reply's bytes, and its compressed forms made the first time a reader asks for each. */
export class EncodedBody {
  readonly #forms = new Map<Encoding, Buffer>();
  /** The Brotli form being made off the main thread at `bestQuality` (ready()). */
  #best: Promise<void> | null = null;

  constructor(
    readonly identity: Buffer,
    /** Kept for the night (the reference): worth quality 11 however long it takes, off the main thread. */
    readonly lasting = false,
    /**
     * The Brotli quality ready() makes off the main thread before a reader is answered (null: none).
     * The reference: 11, once a night. A lean snapshot: 10, once per version (60 ms on the 2019 night
     * where 11 takes 200-400 ms, for 0.8 KB more).
     */
    readonly bestQuality: number | null = lasting ? 11 : null,
  ) {
    this.#forms.set('identity', identity);
  }

  /**
   * Makes the Brotli form at its best quality on libuv's thread pool, if this reader will be sent it,
   * so the first reader gets the same bytes as the rest (readers asking meanwhile wait for the same one).
   * A failure leaves for() to compress at once, as for any other reply.
   */
  async ready(acceptEncoding: string | string[] | undefined): Promise<void> {
    const best = this.bestQuality;
    if (best === null || this.#forms.has('br') || this.identity.length < COMPRESS_THRESHOLD_BYTES) return;
    if (acceptedEncoding(acceptEncoding) !== 'br') return;
    this.#best ??= brotliOffThread(this.identity, quality(best, this.identity)).then(
      (best) => void this.#forms.set('br', best),
      () => undefined,
    );
    await this.#best;
  }

  #brotli(): Buffer {
    const small = this.identity.length < BEST_AT_ONCE_UNDER_BYTES;
    const now = brotliCompressSync(this.identity, quality(small ? 11 : 5, this.identity));
    if (!small && this.lasting) {
      brotliCompress(this.identity, quality(11, this.identity), (error, best) => {
        if (!error && best.length < now.length) this.#forms.set('br', best);
      });
    }
    return now;
  }

  static of(text: string, { lasting = false, bestQuality }: { lasting?: boolean; bestQuality?: number } = {}): EncodedBody {
    return new EncodedBody(Buffer.from(text), lasting, bestQuality ?? (lasting ? 11 : null));
  }

  /**
   * The bytes to send for this Accept-Encoding, and the Content-Encoding they go with (null: none).
   * Made once, so a small body (an embed's reply or its changes, polled by every reader) is
   * compressed too, whenever that saves more than the Content-Encoding line costs.
   */
  for(acceptEncoding: string | string[] | undefined): { bytes: Buffer; encoding: Encoding | null } {
    const wanted = this.identity.length < KEPT_WORTH_TRYING_BYTES ? 'identity' : acceptedEncoding(acceptEncoding);
    let bytes = this.#forms.get(wanted);
    if (bytes === undefined) {
      bytes = wanted === 'br' ? this.#brotli() : gzipSync(this.identity, { level: 9 });
      this.#forms.set(wanted, bytes);
    }
    if (wanted === 'identity' || bytes.length + ENCODING_LINE_BYTES >= this.identity.length)
      return { bytes: this.identity, encoding: null };
    return { bytes, encoding: wanted };
  }
}
