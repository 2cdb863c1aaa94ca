// Summarises a V8 CPU profile (node --cpu-prof) as text: self time by file and by function, and
// inclusive time by function (a function counted once per sampled stack).
// usage: node tools/bench/profile-summary.mjs FILE.cpuprofile [LINES]
import { readFileSync } from 'node:fs';

const [profilePath, linesArgument] = process.argv.slice(2);
if (!profilePath) {
  console.error('usage: node tools/bench/profile-summary.mjs FILE.cpuprofile [LINES]');
  process.exit(2);
}
const lines = Number(linesArgument ?? 25);
const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const shortUrl = (url) => url.replace(/^.*\/(node_modules|packages)\//, '$1/');
const fileOf = ({ url, functionName }) => shortUrl(url) || `(${functionName})`;
const functionOf = ({ url, functionName, lineNumber }) => `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;

const selfByNode = new Map();
let totalMicroseconds = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
  totalMicroseconds += delta;
});

const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);
const selfByFile = new Map();
const selfByFunction = new Map();
const inclusiveByFunction = new Map();
for (const [id, microseconds] of selfByNode) {
  const { callFrame } = nodes.get(id);
  add(selfByFile, fileOf(callFrame), microseconds);
  add(selfByFunction, functionOf(callFrame), microseconds);
  const seen = new Set();
  for (let current = id; current !== undefined; current = parents.get(current)) {
    const key = functionOf(nodes.get(current).callFrame);
    if (!seen.has(key)) add(inclusiveByFunction, key, microseconds);
    seen.add(key);
  }
}

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, microseconds] of [...map].sort((a, b) => b[1] - a[1]).slice(0, lines)) {
    console.log(`${(microseconds / 1000).toFixed(1).padStart(9)} ms ${((100 * microseconds) / totalMicroseconds).toFixed(1).padStart(5)} %  ${key}`);
  }
};
console.log(`${profilePath}: ${(totalMicroseconds / 1000).toFixed(0)} ms sampled`);
print('self time by file', selfByFile);
print('self time by function', selfByFunction);
print('inclusive time by function', inclusiveByFunction);
