/** Types of build.mjs (plain ESM so `npm start` needs no compile step). */

/** The project root (two folders above build.mjs). */
export declare const projectRoot: string;

/** Bundles main and preload into `outDir` (default `<root>/dist-electron`); rejects on any esbuild error. */
export declare function buildElectron(options?: { root?: string; outDir?: string }): Promise<{ main: string; preload: string }>;
