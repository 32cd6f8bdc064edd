// A CORS front for fakecloud, answering the browser as AWS's Cognito endpoint does, so the app
// reaches its local Cognito cross-origin exactly as it reaches the real one. fakecloud has no
// CORS at all (its preflight answers 405). Dev and test tool only; nothing here ships.
//
//   node scripts/cors-front.mjs --listen 127.0.0.1:4567 --upstream http://127.0.0.1:4566
import http from 'node:http';
import { parseArgs } from 'node:util';

const OPTIONS = { listen: { type: 'string' }, upstream: { type: 'string' } };
const { values: args } = parseArgs({ options: OPTIONS });
const [host, port] = (args.listen ?? '127.0.0.1:4567').split(':');
const upstream = new URL(args.upstream ?? 'http://127.0.0.1:4566');

// What AWS's cognito-idp endpoint sends on every answer.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
};

const server = http.createServer((req, res) => {
  if (req.method === 'OPTIONS') {
    res.writeHead(200, {
      ...CORS,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type,x-amz-target',
      'access-control-max-age': '86400',
      'content-length': '0',
    });
    res.end();
    return;
  }
  const headers = { ...req.headers, host: upstream.host };
  delete headers.origin;
  delete headers.referer;
  const forward = http.request(
    { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
    (answer) => {
      const out = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!name.startsWith('access-control-')) out[name] = value;
      }
      // AWS names the error in x-amzn-ErrorType ("Code:"); fakecloud uses x-amz-error-code.
      if (answer.headers['x-amz-error-code']) {
        out['x-amzn-errortype'] = `${answer.headers['x-amz-error-code']}:`;
      }
      if (answer.headers['x-amz-error-message']) {
        out['x-amzn-errormessage'] = answer.headers['x-amz-error-message'];
      }
      res.writeHead(answer.statusCode ?? 502, { ...out, ...CORS });
      answer.pipe(res);
    },
  );
  forward.on('error', (error) => {
    res.writeHead(502, { ...CORS, 'content-type': 'text/plain' });
    res.end(`cors-front: fakecloud at ${upstream.href} did not answer (${error.code ?? error.message})`);
  });
  req.pipe(forward);
});

server.listen(Number(port), host, () => {
  console.log(`cors-front: http://${host}:${port}/ -> ${upstream.href}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
