/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  // Lets several builds coexist (parallel test runs on one machine); default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Packages that load native or WebAssembly files at run time stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'sharp', 'pg'],
  // Read from disk at run time (start-up migrations, health), so the standalone output must carry them.
  outputFileTracingIncludes: {
    '/*': ['./prisma/migrations/**/*', './lib/instruments/data/**/*', './node_modules/@prisma/schema-engine-wasm/*.wasm', './node_modules/@prisma/schema-engine-wasm/*.js'],
  },
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
};

export default nextConfig;
