// dist/cliLiquid.js: liquidjs for the CLI, loaded by ./liquidjs.ts when something renders Liquid.
export { Drop, filters, Liquid } from 'liquidjs';
