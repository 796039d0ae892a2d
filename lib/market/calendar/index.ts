export * from './ist';
export * from './nse-holidays';
export * from './sessions';
