import type { MenuItemConstructorOptions, WebContents } from 'electron';
import { IPC_EVENT_CHANNEL } from '../../shared/channels';

export type MenuCommand = 'import' | 'export' | 'settings';

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** 导入… / 导出… / 设置…: forwarded to the focused window's page. */
  onCommand(command: MenuCommand): void;
  /** 关于回函档案 */
  onAbout(): void;
}

/** The Chinese application menu. Pure: Menu.buildFromTemplate turns it into the real menu. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [{ label: '重新加载', role: 'reload' }];
  if (!options.isPackaged) view.push({ label: '开发者工具', role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  );

  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入…', accelerator: 'CmdOrCtrl+I', click: () => options.onCommand('import') },
        { label: '导出…', accelerator: 'CmdOrCtrl+E', click: () => options.onCommand('export') },
        { type: 'separator' },
        { label: '设置…', accelerator: 'CmdOrCtrl+,', click: () => options.onCommand('settings') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于回函档案', click: () => options.onAbout() }] },
  ];
  if (isMac) {
    template.unshift({
      label: '回函档案',
      submenu: [
        { label: '关于回函档案', click: () => options.onAbout() },
        { type: 'separator' },
        { label: '隐藏回函档案', role: 'hide' },
        { label: '退出回函档案', role: 'quit' },
      ],
    });
  }
  return template;
}

/**
 * Tells the page a menu command was chosen. The ArchiveApi has no such event yet, so it travels on
 * the event channel as { event: 'menu-command', payload: { command } }.
 */
export function sendMenuCommand(contents: WebContents | null | undefined, command: MenuCommand): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(IPC_EVENT_CHANNEL, { event: 'menu-command', payload: { command } });
}
