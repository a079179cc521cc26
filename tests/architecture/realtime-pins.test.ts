/**
 * server/realtime/direct-frames.ts reads engine.io and ws internals, checked against exact
 * versions. An upgrade of any of them must be a deliberate step: this fails until the internals
 * have been read again against the new versions and VERIFIED moved with package.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';
import { readInstalled, VERIFIED, whyNotDirect } from '../../server/realtime/direct-frames.ts';

const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  overrides: Record<string, unknown>;
};

const UPGRADE =
  'an upgrade of socket.io, engine.io, ws or socket.io-adapter: read the internals in server/realtime/direct-frames.ts against the new ' +
  'versions, then move VERIFIED and package.json together (ADR 0026)';

describe('the versions the realtime fast path was read against', () => {
  test('package.json pins socket.io and ws exactly, and engine.io and socket.io-adapter by override, to VERIFIED', () => {
    expect(
      {
        'socket.io': manifest.dependencies['socket.io'],
        'engine.io': manifest.overrides['engine.io'],
        ws: manifest.dependencies.ws,
        'socket.io-adapter': manifest.overrides['socket.io-adapter'],
      },
      UPGRADE,
    ).toEqual(VERIFIED);
    // Every package that depends on ws gets the project's one copy: frames are built and written by the same ws.
    expect(manifest.overrides.ws, UPGRADE).toBe('$ws');
  });

  test('the installed packages, as socket.io loads them, are those versions, with the internals the fast path needs', () => {
    const installed = readInstalled();
    expect(installed.versions, UPGRADE).toEqual(VERIFIED);
    expect(whyNotDirect(installed), UPGRADE).toBeNull();
  });

  test('the engine.io patch (ADR 0034) is for the pinned version, and applied on install', () => {
    const patch = path.join(projectRoot, 'patches', `engine.io+${VERIFIED['engine.io']}.patch`);
    expect(fs.existsSync(patch), `${UPGRADE}; then make the patch again for it (npx patch-package engine.io)`).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).scripts.postinstall).toBe('patch-package');
  });

  test('one copy of ws is installed', () => {
    const copies: string[] = [];
    const dirsIn = (dir: string) =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    const walk = (modules: string) => {
      for (const name of dirsIn(modules)) {
        const packages = name.startsWith('@') ? dirsIn(path.join(modules, name)).map((p) => path.join(name, p)) : [name];
        for (const pkg of packages) {
          if (pkg === 'ws') copies.push(path.relative(projectRoot, path.join(modules, pkg)));
          const nested = path.join(modules, pkg, 'node_modules');
          if (fs.existsSync(nested)) walk(nested);
        }
      }
    };
    walk(path.join(projectRoot, 'node_modules'));
    expect(copies, UPGRADE).toEqual(['node_modules/ws']);
  });
});
