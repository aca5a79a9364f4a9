export { buildServer, type ServerOptions } from './server.js';
export { main } from './cli.js';
