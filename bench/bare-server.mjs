// The ceiling for `npm run bench`: Node's own HTTP server answering every request with a fixed
// body shaped like an expectReplies answer, without reading the activity.
// Run: PORT=3980 node bench/bare-server.mjs
import { createServer } from 'node:http';

const body = JSON.stringify({ activities: [{ type: 'message', text: 'ok' }] });
createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(Number(process.env.PORT ?? 3980), () => console.log('bare server listening'));
