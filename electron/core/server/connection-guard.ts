import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * How many connections the desk keeps open: half the process's file-descriptor limit (the rest is for
 * SQLite, OBS, devices and files), read from /proc on Linux; a conservative figure elsewhere (macOS
 * starts processes at 256).
 */
export function connectionCap(limits = '/proc/self/limits'): number {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(limits, 'utf8'));
    const soft = m?.[1] === 'unlimited' ? 65_536 : Number(m?.[1]);
    if (Number.isFinite(soft) && soft > 0) return Math.max(16, Math.min(8_192, Math.floor(soft / 2)));
  } catch {
    // not Linux: fall through
  }
  return 100;
}

/**
 * Keeps descriptors for the requests that matter (issue 13: 1,100 idle sockets at a 1024 limit made
 * `/health` fail). Past `cap` open connections, each new one closes the oldest connection that is
 * idle (no request in flight, not a WebSocket); idle sockets also time out on their own.
 */
export function guardConnections(server: Server, cap = connectionCap()): void {
  const idle = new Set<Socket>(); // insertion order: the oldest idle socket first
  let open = 0;
  server.headersTimeout = 20_000;
  server.maxConnections = cap + 64; // past this even busy connections are refused: never EMFILE
  server.on('connection', (socket: Socket) => {
    open++;
    idle.add(socket);
    socket.once('close', () => {
      open--;
      idle.delete(socket);
    });
    while (open > cap && idle.size) {
      const oldest = idle.values().next().value as Socket;
      if (oldest === socket) break;
      idle.delete(oldest);
      oldest.destroy();
    }
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    idle.delete(socket);
    res.once('finish', () => {
      if (!socket.destroyed) idle.add(socket);
    });
  });
  server.on('upgrade', (req: { socket: Socket }) => idle.delete(req.socket));
}
