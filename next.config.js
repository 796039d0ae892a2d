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
  // A trading app must not be framed by another site (clickjacking) nor leak paths in referrers.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
};

export default nextConfig;
