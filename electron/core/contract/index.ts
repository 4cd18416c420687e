export * from './primitives.js';
export * from './actions.js';
export * from './ingest.js';
export * from './state.js';
export * from './api.js';
export * from './ws.js';
export * from './errors.js';
export * from './surface.js';
