import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../shared/channels';
import { buildMenuTemplate, sendMenuCommand, type MenuOptions } from './menu';

vi.mock('electron', () => ({}));

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return { isPackaged: true, platform: 'win32', onCommand: vi.fn(), onAbout: vi.fn(), ...overrides };
}

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  (template.find((item) => item.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
const item = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((entry) => entry.label === label);
const labels = (items: MenuItemConstructorOptions[]) =>
  items.filter((entry) => entry.label).map((e) => e.label);

describe('buildMenuTemplate', () => {
  it('has the four Chinese menus in order', () => {
    expect(buildMenuTemplate(options()).map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('offers import and export with Ctrl+I / Ctrl+E, forwarding the command', () => {
    const opts = options();
    const file = submenu(buildMenuTemplate(opts), '文件');
    expect(labels(file)).toEqual(['导入…', '导出…', '设置…', '退出']);
    expect(item(file, '导入…')?.accelerator).toBe('CmdOrCtrl+I');
    expect(item(file, '导出…')?.accelerator).toBe('CmdOrCtrl+E');
    expect(item(file, '退出')?.role).toBe('quit');
    const click = item(file, '导出…')?.click as () => void;
    click();
    expect(opts.onCommand).toHaveBeenCalledWith('export');
  });

  it('opens the settings screen from 文件 › 设置… (Ctrl+,)', () => {
    const opts = options();
    const settings = item(submenu(buildMenuTemplate(opts), '文件'), '设置…');
    expect(settings?.accelerator).toBe('CmdOrCtrl+,');
    (settings?.click as () => void)();
    expect(opts.onCommand).toHaveBeenCalledWith('settings');
  });

  it('has the standard edit actions', () => {
    const edit = submenu(buildMenuTemplate(options()), '编辑');
    expect(edit.filter((entry) => entry.role).map((entry) => [entry.label, entry.role])).toEqual([
      ['撤销', 'undo'],
      ['重做', 'redo'],
      ['剪切', 'cut'],
      ['复制', 'copy'],
      ['粘贴', 'paste'],
      ['全选', 'selectAll'],
    ]);
  });

  it('offers the developer tools only in development builds', () => {
    expect(labels(submenu(buildMenuTemplate(options({ isPackaged: true })), '视图'))).toEqual([
      '重新加载',
      '实际大小',
      '放大',
      '缩小',
      '全屏',
    ]);
    expect(labels(submenu(buildMenuTemplate(options({ isPackaged: false })), '视图'))).toContain(
      '开发者工具',
    );
  });

  it('shows the about box from 帮助', () => {
    const opts = options();
    const about = item(submenu(buildMenuTemplate(opts), '帮助'), '关于回函档案')?.click as () => void;
    about();
    expect(opts.onAbout).toHaveBeenCalledTimes(1);
  });

  it('adds the application menu first on macOS', () => {
    expect(buildMenuTemplate(options({ platform: 'darwin' }))[0]?.label).toBe('回函档案');
  });
});

describe('sendMenuCommand', () => {
  it('sends a menu-command event to the page', () => {
    const contents = { isDestroyed: () => false, send: vi.fn() };
    sendMenuCommand(contents as unknown as WebContents, 'import');
    expect(contents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, {
      event: 'menu-command',
      payload: { command: 'import' },
    });
  });

  it('does nothing without a live window', () => {
    const closed = { isDestroyed: () => true, send: vi.fn() };
    sendMenuCommand(closed as unknown as WebContents, 'import');
    sendMenuCommand(null, 'export');
    expect(closed.send).not.toHaveBeenCalled();
  });
});
