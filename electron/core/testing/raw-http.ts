import { connect } from 'node:net';

/**
 * Sends `request` as raw bytes (no client library normalises it) and resolves with whatever the server
 * answered before closing, or after `timeoutMs` of silence. Proof tests use it to send what a browser
 * page or a broken client could, byte for byte.
 */
export function rawRequest(url: string, request: string | Buffer, timeoutMs = 5_000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      // An answer's status line is all a proof needs; a 101 keeps the socket open for ever otherwise.
      if (/\r\n\r\n/.test(answer)) done();
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (answer ? done() : error.code === 'ECONNRESET' ? done() : reject(error)));
  });
}

/** The status code of a raw HTTP answer, or null when the server closed without one. */
export const statusOf = (answer: string): number | null => {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  return m ? Number(m[1]) : null;
};
