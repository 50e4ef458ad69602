import net from 'node:net';

/** A TCP proxy on loopback that records every byte both ways (a listener on the wire). */
export type RecordingProxy = { port: number; bytes(): Buffer; stop(): Promise<void> };

/** Starts a proxy on 127.0.0.1 (any free port) to `targetPort` on 127.0.0.1, recording what passes in either direction. */
export async function recordingProxy(targetPort: number): Promise<RecordingProxy> {
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (d: Buffer) => (chunks.push(Buffer.from(d)), upstream.write(d)));
    upstream.on('data', (d: Buffer) => (chunks.push(Buffer.from(d)), client.write(d)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    bytes: () => Buffer.concat(chunks),
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
