/**
 * Browser build of the add-in: the task pane, the ribbon command's function file and its message
 * dialog.
 *
 * - The manifest is written with https://localhost:3000/ and the build rewrites it: to the port in
 *   package.json config.dev_server_port in development, to ADDIN_PROD_URL (default
 *   https://perfscore.example.gov.cn/) in production.
 * - `npm run dev-server` serves dist over HTTPS on that port with office-addin-dev-certs' files
 *   (scripts/devCerts.js generates them when missing). There is no HTTP fallback.
 * - office.js comes from Microsoft's CDN, as Office requires; it is never bundled.
 * - The production build prints the gzipped size of the pane (JS + CSS) and of the command bundle,
 *   and fails when the pane is over its 50 KB budget.
 */
const path = require("path");
const zlib = require("zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { version } = require("./package.json");
const { DEV_URL, PORT, prodUrl, rewriteManifest } = require("./scripts/addinUrls");

/** The pane's own JS + CSS, gzipped (the budget; the goal is 40 KB). */
const PANE_BUDGET_BYTES = 50 * 1024;

/** Node-only code that must never reach the browser bundle. */
const FORBIDDEN_IN_BROWSER = [/[\\/]node_modules[\\/]exceljs[\\/]/, /[\\/]src[\\/](hosts|cli)[\\/]/];

/** Prints the gzipped sizes of the pane (its JS and CSS) and of the command bundle after a build, and enforces the pane's budget. */
class BundleSizePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleSizePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "BundleSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const gz = (names) => names.reduce((sum, name) => sum + zlib.gzipSync(assets[name].source()).length, 0);
        const js = (chunk) => [...(compilation.namedChunks.get(chunk)?.files ?? [])].filter((f) => f.endsWith(".js"));
        const pane = [...js("taskpane"), "taskpane.css"].filter((name) => assets[name] !== undefined);
        const command = [...js("commands"), ...js("message")];
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        const paneBytes = gz(pane);
        const commandBytes = gz(command);
        process.on("exit", () => {
          console.log(`\nGzipped sizes:\n  task pane  ${kb(paneBytes)}  (${pane.join(" + ")}; budget ${kb(PANE_BUDGET_BYTES)})\n  command    ${kb(commandBytes)}  (${command.join(" + ")})`);
        });
        if (paneBytes > PANE_BUDGET_BYTES) {
          compilation.errors.push(new webpack.WebpackError(`The task pane is ${kb(paneBytes)} gzipped, over its ${kb(PANE_BUDGET_BYTES)} budget`));
        }
      });
    });
  }
}

/** Fails the build when a module matching FORBIDDEN_IN_BROWSER was bundled. */
class ForbidModulesPlugin {
  apply(compiler) {
    compiler.hooks.afterCompile.tap("ForbidModulesPlugin", (compilation) => {
      for (const module of compilation.modules) {
        const resource = module.resource ?? "";
        if (FORBIDDEN_IN_BROWSER.some((pattern) => pattern.test(resource))) {
          compilation.errors.push(
            new webpack.WebpackError(`${path.relative(__dirname, resource)} is node-only and must not be in the browser bundle`),
          );
        }
      }
    });
  }
}

module.exports = (env, argv) => {
  const isProduction = argv.mode === "production";
  const targetUrl = isProduction ? prodUrl() : DEV_URL;
  // Copied files are served as they are; `minimized` stops the production build re-minifying them.
  const asIs = { minimized: true };
  let https;
  if (env.WEBPACK_SERVE) {
    const { ensureDevCerts, trustAdvice } = require("./scripts/devCerts");
    const certs = ensureDevCerts();
    if (certs.trusted === false) console.warn(`\nServing HTTPS with a certificate this machine does not trust yet.\n${trustAdvice()}\n`);
    https = certs.options;
  }

  return {
    mode: isProduction ? "production" : "development",
    devtool: isProduction ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      // tsc (tsconfig.node.json) emits the CLI into dist/src, dist/scripts and dist/package.json; keep them.
      clean: { keep: (file) => /^(src|scripts|test)([\\/]|$)/.test(file) || file === "package.json" },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json" } },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ PERFSCORE_VERSION: JSON.stringify(version) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "message.html",
        template: "./src/commands/message.html",
        chunks: ["message"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", info: asIs },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css", info: asIs },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            info: asIs,
            transform: (content) => rewriteManifest(content.toString("utf8"), targetUrl),
          },
        ],
      }),
      new ForbidModulesPlugin(),
      ...(isProduction ? [new BundleSizePlugin()] : []),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: https },
      // The overlay injects inline styles, which the pane's Content-Security-Policy refuses.
      client: { overlay: false },
    },
  };
};
