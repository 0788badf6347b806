// Raw HTTP over a socket, for requests that fetch refuses to send (broken
// request lines, oversized headers) and for watching the connection itself.
import net from 'node:net';

export interface RawResult {
  status: number;
  head: string;
  body: string;
  closed: boolean; // the server closed the connection after answering
}

export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 5000): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      finish(false);
    }, timeoutMs);
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      const text = data.toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no complete response (closed=${closed}): ${text.slice(0, 200)}`));
      const head = text.slice(0, split);
      resolve({ status: Number(head.slice(9, 12)), head, body: text.slice(split + 4), closed });
    };
    socket.on('data', (chunk: Buffer) => (data = Buffer.concat([data, chunk])));
    socket.on('end', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(bytes);
  });
}

export function header(head: string, name: string): string | undefined {
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
