export * from './names.js';
export * from './fields.js';
export * from './conditions.js';
export * from './elements.js';
export * from './event-common.js';
export * from './approvals.js';
export * from './json-depth.js';
