/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build folder lets benchmarks build while another build is in use.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // Source maps of the browser chunks, for bundle analysis only (which module fills which chunk).
  productionBrowserSourceMaps: process.env.CAIRN_BROWSER_SOURCE_MAPS === "1",
  typedRoutes: false,
  // PGlite ships its WebAssembly and data files beside its JS; keep it out of the server bundle. So do
  // the picture exports' renderers: resvg is a native addon, pdfkit reads its font metrics from its
  // own folder, pptxgenjs and fontkit load optional parts at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@resvg/resvg-js", "pdfkit", "pptxgenjs", "fontkit"],
  // Build output the proxy does not see (proxy.ts gives pages and API answers their headers).
  async headers() {
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({
      source,
      headers: [{ key: "X-Content-Type-Options", value: "nosniff" }],
    }));
  },
};

module.exports = nextConfig;
