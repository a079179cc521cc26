/**
 * The share images: /share/ELECTION/seat/SEAT/vN-1200x675.png, /share/ELECTION/house/sN-1080x1080.png,
 * and latest-WxH.png beside each, which redirects to the newest. A version's image never changes:
 * in live mode it is cached for a year.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { houseImagePath, seatImagePath, sizeFromName, type ShareSize } from '../../shared/protocol/share-urls.ts';
import type { ElectionService } from '../services/election-service.ts';
import { RefusedError } from '../services/errors.ts';
import type { ShareService } from '../share/share-service.ts';

const FILE = /^(?:(v|s)(\d+)|(latest))-(\d+x\d+)\.png$/;

function parseFile(file: string, prefix: 'v' | 's'): { latest: true; size: ShareSize } | { latest: false; n: number; size: ShareSize } {
  const match = FILE.exec(file);
  const size = match && sizeFromName(match[4]);
  if (!match || !size || (match[1] !== undefined && match[1] !== prefix)) {
    throw new RefusedError(
      404,
      `file: "${file}" is not an image here: ${prefix}N-1200x675.png, ${prefix}N-1080x1080.png or latest-1200x675.png`,
    );
  }
  return match[3] ? { latest: true, size } : { latest: false, n: Number(match[2]), size };
}

export function shareRoutes(
  app: FastifyInstance,
  { share, elections, off }: { share: ShareService | null; elections: ElectionService; off: string | null },
) {
  function sendPng(reply: FastifyReply, electionId: string, png: Buffer) {
    const live = elections.head(electionId).mode === 'live';
    return (
      reply
        .type('image/png')
        // A rehearsal's images may be drawn again once the mode changes: cached briefly.
        .header('cache-control', live ? 'public, max-age=31536000, immutable' : 'public, max-age=60')
        .send(png)
    );
  }

  const latest = (reply: FastifyReply, path: string) => reply.header('cache-control', 'public, max-age=5').redirect(path, 302);

  function ready(): ShareService {
    if (!share) throw new RefusedError(404, off ?? 'share images are off');
    return share;
  }

  app.get<{ Params: { election: string; seat: string; file: string } }>('/share/:election/seat/:seat/:file', async (request, reply) => {
    const { election, seat, file } = request.params;
    const wanted = parseFile(file, 'v');
    const images = ready();
    if (wanted.latest) {
      const current = elections.seat(election, seat);
      if (current.version === 0) throw new RefusedError(404, `seat: ${current.name} has no result yet`);
      return latest(reply, seatImagePath(election, seat, current.version, wanted.size));
    }
    return sendPng(reply, election, await images.seatImage(election, seat, wanted.n, wanted.size));
  });

  app.get<{ Params: { election: string; file: string } }>('/share/:election/house/:file', async (request, reply) => {
    const { election, file } = request.params;
    const wanted = parseFile(file, 's');
    const images = ready();
    if (wanted.latest) {
      const { seq } = elections.head(election);
      if (seq === 0) throw new RefusedError(404, `election: ${election} has no result yet`);
      return latest(reply, houseImagePath(election, seq, wanted.size));
    }
    return sendPng(reply, election, await images.houseImage(election, wanted.n, wanted.size));
  });
}
