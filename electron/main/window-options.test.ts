import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_TITLE } from './window-options';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false });

  it('turns every security-relevant web preference to its safe value', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('loads the built preload and stays hidden until the page is ready', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/u);
  });

  it('has the Chinese title and a minimum size the three panes fit in', () => {
    expect(options.title).toBe('回函档案');
    expect(WINDOW_TITLE).toBe('回函档案');
    expect(options.minWidth).toBeGreaterThanOrEqual(900);
    expect(options.minHeight).toBeGreaterThanOrEqual(560);
  });

  it('enables the developer tools only when asked (development builds)', () => {
    expect(mainWindowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});
