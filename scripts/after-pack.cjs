// electron-builder afterPack hook: flips the Electron fuses of the packaged app before it is signed.
//
// Fuses turn off ways of running the app's binary as something else:
//   RunAsNode off                            ELECTRON_RUN_AS_NODE cannot turn 回函档案 into a plain Node
//   EnableNodeOptionsEnvironmentVariable off NODE_OPTIONS cannot inject code
//   EnableNodeCliInspectArguments off        --inspect / --inspect-brk cannot attach a debugger
//   EnableCookieEncryption on                cookies on disk are encrypted with the OS key store
//   OnlyLoadAppFromAsar on                   only the shipped app.asar is loaded, never a loose folder
//   EnableEmbeddedAsarIntegrityValidation on app.asar is checked against its hash (macOS, Windows)
//   GrantFileProtocolExtraPrivileges off     file:// gets no special rights (the UI uses app://)
//
// Tests: Playwright's `_electron.launch()` starts the binary with `--inspect=0` and
// `--remote-debugging-port=0` and drives the main process through the Node inspector, which
// EnableNodeCliInspectArguments off forbids. A build meant for the Playwright spec must therefore keep
// the fuses as Electron ships them: build it with HUIHAN_TEST_BUILD=1 and this hook leaves them alone.
// Never ship such a build.

/** @param {import('app-builder-lib').AfterPackContext} context */
exports.default = async function afterPack(context) {
  if (process.env.HUIHAN_TEST_BUILD === '1') {
    console.log(
      '  • HUIHAN_TEST_BUILD=1: test build, Electron fuses left unchanged (Playwright needs the inspector)',
    );
    return;
  }
  const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
  await context.packager.addElectronFuses(context, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(
    '  • Electron fuses set: RunAsNode, NODE_OPTIONS and --inspect off; cookie encryption and asar-only on',
  );
};
