import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a request body may go without a byte before the server gives up on it. */
const BODY_IDLE_MS = 5_000;

/**
 * Answers 408 when a client stops sending a body it announced. The socket's byte count is watched
 * rather than the body itself, which belongs to the app; while the app has not read what already
 * arrived, the wait is the server's, not the client's.
 */
export function watchBody(req: IncomingMessage, res: ServerResponse, onStall: () => void, idleMs = BODY_IDLE_MS): void {
  const announced = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!announced || req.complete) return;
  const socket = req.socket;
  let seen = socket.bytesRead;
  let since = Date.now();
  const timer = setInterval(() => {
    if (req.complete || res.writableEnded || socket.destroyed) return stop();
    if (socket.bytesRead !== seen || req.readableLength > 0 || socket.isPaused()) {
      seen = socket.bytesRead;
      since = Date.now();
    } else if (Date.now() - since >= idleMs) {
      stop();
      onStall();
    }
  }, 250);
  const stop = () => clearInterval(timer);
  res.once('close', stop);
}
