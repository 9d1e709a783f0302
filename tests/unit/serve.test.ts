// @vitest-environment node
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/serve';

const PORTAL = fileURLToPath(new URL('../fixtures/portals/demo', import.meta.url));
const DEMO = fileURLToPath(new URL('../fixtures/demo', import.meta.url));

/** A raw GET: fetch() would normalise `/../x` to `/x` before sending it. */
function rawGet(base: string, path: string): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('startStaticServer', () => {
  let portal: StaticServer;
  let demo: StaticServer;
  beforeAll(async () => {
    portal = await startStaticServer(PORTAL);
    demo = await startStaticServer(DEMO);
  });
  afterAll(async () => {
    await portal.close();
    await demo.close();
  });

  it('listens on 127.0.0.1 with a random port', () => {
    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.url).not.toBe(portal.url);
  });

  it('serves index.html for / and files with their content types', async () => {
    const index = await rawGet(portal.url, '/');
    expect(index.status).toBe(200);
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.body.equals(readFileSync(resolve(PORTAL, 'index.html')))).toBe(true);

    const page = await rawGet(portal.url, '/complaint.html?x=1');
    expect(page.status).toBe(200);
    expect(page.body.toString('utf8')).toContain('问题描述');
    expect((await rawGet(portal.url, '/portal.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(portal.url, '/portal.css')).type).toBe('text/css; charset=utf-8');
    expect((await rawGet(demo.url, '/contract.json')).type).toBe('application/json; charset=utf-8');

    const gbk = await rawGet(demo.url, '/bank-statement-gbk.csv');
    expect(gbk.type).toBe('text/csv');
    expect(gbk.body.equals(readFileSync(resolve(DEMO, 'bank-statement-gbk.csv')))).toBe(true);
  });

  it('rejects paths that climb out of the root', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/a/../../package.json', '/..\\package.json']) {
      const res = await rawGet(portal.url, path);
      expect(res.status, path).toBe(403);
      expect(res.body.toString('utf8'), path).not.toContain('"name"');
    }
  });

  it('answers 404 for a missing file', async () => {
    expect((await rawGet(portal.url, '/missing.html')).status).toBe(404);
    expect((await rawGet(portal.url, '/package.json')).status).toBe(404);
  });
});
