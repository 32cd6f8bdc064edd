// Prints a config.json with its "endpoint" set to another Cognito URL (the test command points
// the release build at its fresh local Cognito). Refuses a file it cannot read as a config.
//
//   node scripts/with-endpoint.mjs config.json http://127.0.0.1:4576/ > site/config.json
import { readFileSync } from 'node:fs';

const [file, endpoint] = process.argv.slice(2);
if (!file || !endpoint) {
  console.error('usage: node scripts/with-endpoint.mjs CONFIG_JSON ENDPOINT_URL');
  process.exit(2);
}
let config;
try {
  config = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`with-endpoint: ${file} is not readable JSON: ${error.message}`);
  process.exit(1);
}
if (config === null || typeof config !== 'object' || Array.isArray(config)) {
  console.error(`with-endpoint: ${file} must hold a JSON object`);
  process.exit(1);
}
config.endpoint = new URL(endpoint).href;
console.log(JSON.stringify(config, null, 2));
