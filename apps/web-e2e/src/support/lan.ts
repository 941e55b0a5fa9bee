import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Lan {
  /** This machine's address on the link, which the browser in the namespace opens. */
  hostIp: string;
  /** A Chromium that runs inside the namespace: for playwright-core's `executablePath`. */
  chromium: string;
  destroy(): void;
}

/**
 * An office LAN in miniature: a network namespace joined to this machine by a veth pair with private addresses of
 * its own, so a browser opens the app on a non-loopback address (never localhost, which browsers treat as secure).
 * Needs root and iproute2, as CI has. Only the namespace made here is ever addressed.
 */
export function createLan(chromiumPath: string): Lan {
  const id = randomBytes(3).toString('hex');
  const ns = `simpul-lan-${id}`;
  const hostIf = `sl${id}h`;
  const nsIf = `sl${id}n`;
  const net = `10.${200 + (parseInt(id.slice(0, 2), 16) % 50)}.${parseInt(id.slice(2, 4), 16)}`;
  const hostIp = `${net}.1`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  ip('netns', 'add', ns);
  try {
    ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf);
    ip('link', 'set', nsIf, 'netns', ns);
    ip('addr', 'add', `${hostIp}/30`, 'dev', hostIf);
    ip('link', 'set', hostIf, 'up');
    ip('netns', 'exec', ns, 'ip', 'addr', 'add', `${net}.2/30`, 'dev', nsIf);
    ip('netns', 'exec', ns, 'ip', 'link', 'set', nsIf, 'up');
    ip('netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up');
  } catch (err) {
    ip('netns', 'del', ns);
    throw err;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'simpul-lan-'));
  const chromium = path.join(dir, 'chromium');
  writeFileSync(chromium, `#!/bin/sh\nexec ip netns exec ${ns} ${chromiumPath} "$@"\n`);
  chmodSync(chromium, 0o755);
  return {
    hostIp,
    chromium,
    destroy: () => {
      ip('netns', 'del', ns); // takes the veth pair with it
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
