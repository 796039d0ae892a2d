// Vitest runs lib/ outside Next's react-server graph; the real guard is enforced by Next builds.
export {};
