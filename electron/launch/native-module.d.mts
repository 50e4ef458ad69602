/** Types of native-module.mjs (plain ESM so `npm start` needs no compile step). */

/** The binding's file name. */
export declare const SQLITE_BINDING_FILE: string;

/** The default Electron headers URL for node-gyp (PENHOLDER_ELECTRON_HEADERS_URL overrides it). */
export declare const ELECTRON_HEADERS_URL: string;

/** The folder name for one Electron version, platform and arch, e.g. `39.8.10-linux-x64`. */
export declare function nativeBindingDirName(electronVersion: string, platform: string, arch: string): string;

/** The absolute path of the Electron-ABI binding under `<root>/.penholder/electron-native/`. */
export declare function nativeBindingPath(root: string, electronVersion: string, platform: string, arch: string): string;

/** Returns the binding's path, building it first (prebuild-install, else node-gyp) if absent; rejects listing both failures. */
export declare function ensureNativeBinding(options: {
  root: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}): Promise<string>;
