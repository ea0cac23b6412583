import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

// GraphiQL 3 (UMD build, React 18 UMD) served from node_modules: no CDN, no inline script.
const require = createRequire(import.meta.url);
const pkgDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(pkgDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': {
    file: path.join(pkgDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { file: require.resolve('graphiql/graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: require.resolve('graphiql/graphiql.min.css'), type: 'text/css' },
};

/** Started by graphiql.html; CSRF prevention needs a non-simple header on every request. */
const INIT_JS = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true }));
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Marketplace API · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<link rel="stylesheet" href="/graphiql/assets/page.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/init.js"></script>
</body>
</html>
`;

const PAGE_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

/** No inline or third-party script; GraphiQL's editors set inline styles, hence style-src 'unsafe-inline'. */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether a request is a browser navigation to /graphql (GET asking for HTML). */
function wantsHtml(req: Request): boolean {
  return (
    req.method === 'GET' &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

export function graphiqlRouter() {
  const router = express.Router();
  router.get('/graphiql/assets/:name', (req, res) => {
    const name = req.params.name;
    res.setHeader('Content-Security-Policy', GRAPHIQL_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (name === 'init.js' || name === 'page.css') {
      res
        .type(name === 'init.js' ? 'text/javascript' : 'text/css')
        .send(name === 'init.js' ? INIT_JS : PAGE_CSS);
      return;
    }
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.sendFile(asset.file, { maxAge: '1h', dotfiles: 'allow', headers: { 'Content-Type': asset.type } });
  });
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!wantsHtml(req) || req.query.query !== undefined) return next();
    res.setHeader('Content-Security-Policy', GRAPHIQL_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(PAGE);
  });
  return router;
}
