import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create(':memory:');
const c = await inst.connect();
try { console.log((await c.runAndReadAll('select erf(0.5) e')).getRowObjects()); } catch (e) { console.log('no erf:', (e as Error).message.split('\n')[0]); }
console.log((await c.runAndReadAll("select json_extract_string('{\"a\":\"b\"}', '$.a') j")).getRowObjects());
