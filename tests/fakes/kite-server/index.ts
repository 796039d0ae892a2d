export { DEFAULT_REDIRECT_URL, DEMO_APP, type FakeKite, type StartFakeKiteOptions, startFakeKite } from './server';
export type { AddAppOptions, FakeKiteControl } from './control';
export type { FailNextOptions, MalformedOptions, SlowOptions } from './scenarios';
export type { LoggedRequest } from './state';
export type { FakeZerodhaUser } from './users';
export { DEFAULT_USERS } from './users';
