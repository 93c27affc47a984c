/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // PGlite ships its WebAssembly and data files beside its JS; keep it out of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
};

module.exports = nextConfig;
