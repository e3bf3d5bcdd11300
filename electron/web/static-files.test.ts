import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInside, injectBridge } from './static-files';

describe('fileInside', () => {
  const root = join(sep, 'srv', 'renderer');
  it('maps URL paths to files inside the renderer folder', () => {
    expect(fileInside(root, '/')).toBe(join(root, 'index.html'));
    expect(fileInside(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(fileInside(root, '/%E5%9B%9E%E5%87%BD.png')).toBe(join(root, '回函.png'));
  });
  it('refuses anything that would leave it', () => {
    expect(fileInside(root, '/../etc/passwd')).toBeNull();
    expect(fileInside(root, '/assets%2F..%2F..%2Fetc%2Fpasswd')).toBeNull();
    expect(fileInside(root, '/%2e%2e/x')).toBeNull();
    expect(fileInside(root, '/a%00.js')).toBeNull();
    expect(fileInside(root, '/%E0%A4%A')).toBeNull();
    expect(fileInside(root + 'x', '/../rendererx2/a')).toBeNull();
  });
});

describe('injectBridge', () => {
  it('puts the bridge before the app script so window.huihan exists when the app starts', () => {
    const html = injectBridge(
      '<head><title>回函档案</title><script type="module" src="/assets/index.js"></script></head>',
    );
    expect(html.indexOf('/web-bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/web-bridge.js')).toBeLessThan(html.indexOf('/assets/index.js'));
  });
});
