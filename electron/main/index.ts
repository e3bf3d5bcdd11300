import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell, utilityProcess } from 'electron';
import { EngineSupervisor } from '../common/engine-supervisor';
import { userDataDir } from '../common/data-folder';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_ENTRY_URL } from './app-url';
import { appArchiveHome } from './app-archive-home';
import { adaptUtilityProcess } from './engine-process';
import { chooseExportDestination } from './export-dialogs';
import { broadcast, envelopeOf, registerIpc } from './ipc';
import { createLog } from './log';
import { buildMenuTemplate, sendMenuCommand } from './menu';
import { archiveDirFor, builtPaths, engineEnv } from './paths';
import { installSecurityGuards } from './security';
import { mainWindowOptions } from './window-options';

// Before anything touches userData: the folder is "Huihan" whatever the product name is.
app.setPath('userData', userDataDir(app.getPath('appData')));
app.enableSandbox();
registerAppScheme(protocol);

const userData = app.getPath('userData');
const log = createLog(join(userData, 'logs', 'main.log'));
const paths = builtPaths(import.meta.dirname);
const archiveDir = archiveDirFor(process.env, userData);
// The archive folder and its settings; the engine is started on home.dataDir, which a move changes.
const home = appArchiveHome({
  archiveDir,
  userData,
  fromEnvironment: Boolean(process.env.HUIHAN_DATA?.trim()),
  dialog,
  window: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
  log,
});

let mainWindow: BrowserWindow | null = null;
let supervisor: EngineSupervisor | null = null;

process.on('uncaughtException', (error) => log(`main: uncaught ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log(`main: unhandled rejection ${String(reason)}`));

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preload: paths.preload, devTools: !app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => log(`main: could not load the UI: ${String(error)}`));
  return window;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: '关于回函档案',
    message: `回函档案 ${app.getVersion()}`,
    detail: `政协提案、人大建议答复函的离线档案：导入、全文检索、分类浏览、导出与承诺事项跟踪。\n所有数据只保存在本机：${home.dataDir}`,
    buttons: ['确定'],
  };
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
  shown.catch(() => undefined);
}

function startEngine(): EngineSupervisor {
  const engine = new EngineSupervisor(
    () =>
      adaptUtilityProcess(
        utilityProcess.fork(paths.engineWorker, [], {
          env: engineEnv(process.env, home.dataDir, app.isPackaged ? process.resourcesPath : null),
          serviceName: 'Huihan Engine',
          stdio: 'pipe',
        }),
        log,
      ),
    {
      onEvent: (message) =>
        broadcast(
          BrowserWindow.getAllWindows().map((window) => window.webContents),
          envelopeOf(message),
        ),
      log,
      onReady: () => home.engineReady(),
    },
  );
  home.attach(engine, (message) =>
    broadcast(
      BrowserWindow.getAllWindows().map((window) => window.webContents),
      envelopeOf(message),
    ),
  );
  engine.start();
  return engine;
}

function onReady(): void {
  log(`main: starting, archive folder ${archiveDir}`);
  installSecurityGuards(app, log);
  handleAppProtocol(protocol, paths.rendererRoot, log);
  const settings = home.settings;
  supervisor = startEngine();
  const engine = supervisor;
  registerIpc(ipcMain, {
    settings,
    engine,
    log,
    home,
    originals: { shell, tempDir: app.getPath('temp') },
    chooseExportDestination: (args) =>
      chooseExportDestination(
        {
          dialog,
          window: () => BrowserWindow.getFocusedWindow() ?? mainWindow,
          defaultFolder: () => app.getPath('documents'),
        },
        args,
      ),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isPackaged: app.isPackaged,
        platform: process.platform,
        onCommand: (command) =>
          sendMenuCommand((BrowserWindow.getFocusedWindow() ?? mainWindow)?.webContents, command),
        onAbout: showAbout,
      }),
    ),
  );
  mainWindow = createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // 回函档案 is already running: that instance gets the focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('will-quit', () => {
    supervisor?.stop();
    supervisor = null;
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log(
        `main: start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      dialog.showErrorBox(
        '回函档案无法启动',
        `启动时出错：${error instanceof Error ? error.message : String(error)}`,
      );
      app.exit(1);
    });
}
