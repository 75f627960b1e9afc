/**
 * The API's own documentation: the OpenAPI document at /api/openapi.json and a readable page at
 * /api/docs (Swagger UI, served from the swagger-ui-dist package: no CDN, no inline script, so
 * the strict Content-Security-Policy holds).
 */
import path from 'node:path';
import express, { Router } from 'express';
import { buildOpenApiDocument } from '../openapi/document';

const swaggerUiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>API phản ánh hiện trường</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="api-docs"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/start.js"></script>
</body>
</html>`;

const START = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api-docs', deepLinking: true });`;

export function apiDocsRoutes(): Router {
  const router = Router();
  const document = JSON.stringify(buildOpenApiDocument());
  router.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/start.js', (_req, res) => {
    res.type('application/javascript').send(START);
  });
  router.use('/docs/assets', express.static(swaggerUiDir, { index: false, maxAge: '1d', fallthrough: false }));
  return router;
}
