export * from './estimate-margin';
export * from './margin-params';
