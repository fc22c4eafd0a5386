/**
 * Browser build of the add-in: the task pane and the ribbon command's function file.
 *
 * - `npm run build` (production) rewrites the manifest's dev URL https://localhost:3000/ to
 *   ADDIN_PROD_URL (default https://perfscore.example.gov.cn/) in dist/manifest.xml.
 * - `npm run dev-server` serves dist on port 3000: HTTPS when ~/.office-addin-dev-certs holds
 *   localhost.crt and localhost.key, plain HTTP otherwise. (office-addin-dev-certs'
 *   getHttpsServerOptions() throws on machines without sudo, so the files are read directly.)
 * - office.js comes from Microsoft's CDN, as Office requires; it is never bundled.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { version } = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PROD_URL = "https://perfscore.example.gov.cn/";
const PORT = 3000;

/** Node-only code that must never reach the browser bundle. */
const FORBIDDEN_IN_BROWSER = [/[\\/]node_modules[\\/]exceljs[\\/]/, /[\\/]src[\\/](hosts|cli)[\\/]/];

function prodUrl() {
  const url = process.env.ADDIN_PROD_URL || DEFAULT_PROD_URL;
  if (!/^https:\/\//.test(url)) throw new Error(`ADDIN_PROD_URL must start with https:// (got "${url}")`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** HTTPS options from office-addin-dev-certs' files, or undefined when they are absent. */
function readDevCerts() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!fs.existsSync(file("localhost.crt")) || !fs.existsSync(file("localhost.key"))) return undefined;
  return {
    cert: fs.readFileSync(file("localhost.crt")),
    key: fs.readFileSync(file("localhost.key")),
    ...(fs.existsSync(file("ca.crt")) ? { ca: fs.readFileSync(file("ca.crt")) } : {}),
  };
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

module.exports = (_env, argv) => {
  const isProduction = argv.mode === "production";
  const targetUrl = isProduction ? prodUrl() : DEV_URL;
  // Copied files are served as they are; `minimized` stops the production build re-minifying them.
  const asIs = { minimized: true };
  const certs = readDevCerts();

  return {
    mode: isProduction ? "production" : "development",
    devtool: isProduction ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
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
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", info: asIs },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css", info: asIs },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            info: asIs,
            transform: (content) => content.toString("utf8").split(DEV_URL).join(targetUrl),
          },
        ],
      }),
      new ForbidModulesPlugin(),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certs ? { type: "https", options: certs } : { type: "http" },
    },
  };
};
