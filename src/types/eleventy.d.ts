// The part of Eleventy 3's API this project uses (Eleventy ships no TypeScript types).
declare module "@11ty/eleventy" {
  export interface UserConfig {
    directories: {
      input: string;
      output: string;
      includes: string;
      data: string;
      layouts?: string;
    };
    addExtension(ext: string, options: Record<string, unknown>): void;
    addTemplateFormats(formats: string): void;
    setLibrary(name: string, library: unknown): void;
    setFrontMatterParsingOptions(options: Record<string, unknown>): void;
    addGlobalData(name: string, value: unknown): void;
    addDataExtension(
      ext: string,
      options: { parser: (contents: string, filePath: string) => unknown },
    ): void;
    addNunjucksGlobal(name: string, value: unknown): void;
    addFilter(name: string, fn: (...args: never[]) => unknown): void;
    getFilter(name: string): ((...args: never[]) => unknown) | undefined;
    addCollection(name: string, fn: (api: never) => unknown): void;
    collections: Record<string, unknown>;
    addLayoutAlias(alias: string, path: string): void;
    addPassthroughCopy(spec: string | Record<string, string>): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
    addTransform(
      name: string,
      fn: (
        this: { page: { inputPath: string; outputPath: string | false; url: string } },
        content: string,
      ) => string | Promise<string>,
    ): void;
    on(event: string, fn: (...args: never[]) => unknown): void;
    setServerOptions(options: Record<string, unknown>, override?: boolean): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    addWatchTarget(target: string): void;
    setWatchThrottleWaitTime(ms: number): void;
    setChokidarConfig(options: Record<string, unknown>): void;
    ignores: { add(glob: string): void };
    pathPrefix?: string;
  }
  export const HtmlBasePlugin: unknown;

  /** What Eleventy gives "eleventy.after" listeners: each page a build wrote, and how it ran. */
  export interface AfterBuild {
    results: {
      inputPath: string;
      outputPath: string | false;
      url: string | false;
      content: string;
    }[];
    directories: { output: string };
    runMode: "build" | "serve" | "watch";
    /** An incremental rebuild: `results` holds only the pages it wrote again. */
    incremental?: boolean;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIncrementalBuild(incremental: boolean): void;
  }
}
