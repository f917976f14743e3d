#!/usr/bin/env node
// Runs tests against a REAL VS Code (code-server 4.139.1 = VS Code 1.139.1, offline), see
// ../../shared/NOTES.md "A real VS Code for tests, offline" and test/support/codeServerHost.ts.
//
//   node scripts/run-host-tests.mjs integration   mocha INSIDE the extension host: bundles
//       test/integration/**/*.test.ts + test/integration/index.ts into dist-test/integration/index.js,
//       opens the workbench with extensionDevelopmentPath=<repo> and extensionTestsPath=<bundle>
//       in Debian chromium (playwright-core) and exits with the tests' exit code.
//   node scripts/run-host-tests.mjs ui            mocha in plain Node over test/ui/**/*.test.ts;
//       each test drives the real workbench through test/ui/vscodeSession.ts.
//
// Options: --no-build (dist/ is fresh already), --grep <re>, --timeout <s> (whole run, default 300),
//          --keep (keep the scratch run folder), --verbose (stream code-server and workbench logs),
//          --scenario <name> (integration: the fake Anthropic API's scenario, default by-request;
//          also MGE_FAKE_SCENARIO). With by-request a test picks the scenario of its runs by putting
//          `[fake-scenario: NAME]` in the request (test/fixtures/fake-anthropic/scenarios/by-request.ts).
// Integration tests also get MGE_TEST_WORKBENCH_URL: a bridge to the workbench page (type into a
// quick input, answer a dialog), see test/support/workbenchBridge.ts and test/integration/workbench.ts.
// Always cleans up (browser, code-server's process group, fake API server) on success, failure,
// timeout and SIGINT/SIGTERM. Install the host first: bash scripts/install-code-server.sh.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

// ---------- arguments ----------
const argv = process.argv.slice(2);
const mode = argv[0];
if (mode !== 'integration' && mode !== 'ui') {
  console.error('usage: node scripts/run-host-tests.mjs <integration|ui> [--no-build] [--grep RE] [--timeout S] [--keep] [--verbose]');
  process.exit(2);
}
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const build = !flag('--no-build') && process.env.MGE_SKIP_BUILD !== '1';
const keep = flag('--keep');
const verbose = flag('--verbose') || process.env.MGE_HOST_VERBOSE === '1';
const grep = option('--grep');
const timeoutS = Number(option('--timeout') ?? process.env.MGE_HOST_TEST_TIMEOUT_S ?? 300);
const scenario = option('--scenario') ?? process.env.MGE_FAKE_SCENARIO ?? 'by-request';
const forced = process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0';
const color = (process.stdout.isTTY || forced) && !process.env.NO_COLOR;

const say = (msg) => console.log(`[host-tests] ${msg}`);
const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------- cleanup, always ----------
const cleanups = []; // run in reverse order
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`[host-tests] cleanup: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  })();
  return cleaning;
}
async function finish(code) {
  await cleanup();
  process.exit(code);
}
let interrupted = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    interrupted = true;
    say(`${signal}: cleaning up`);
    void finish(code);
  });
}
let diagnostics;
const overall = setTimeout(() => {
  say(`TIMEOUT: the ${mode} run took longer than ${timeoutS} s`);
  diagnostics?.();
  void finish(124);
}, timeoutS * 1000);
overall.unref();

// Safety net: every code-server started in this run (also by the ui tests' own process) leaves
// its process-group id in this folder; whatever is still alive at the end is killed.
const pidDir = mkdtempSync(join(tmpdir(), 'mge-host-pids-'));
process.env.MGE_HOST_PID_DIR = pidDir;
cleanups.push(() => {
  for (const f of readdirSync(pidDir)) {
    const pid = Number(f);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(-pid, 'SIGKILL');
      say(`killed leftover code-server process group ${pid}`);
    } catch {
      // gone already
    }
  }
  rmSync(pidDir, { recursive: true, force: true });
});

function run(cmd, args, label) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    say(`${label} failed (exit ${r.status ?? r.signal})`);
    return false;
  }
  say(`${label}: ${secs(Date.now() - started)}`);
  return true;
}

// ---------- build ----------
if (build && !run(process.execPath, ['esbuild.mjs'], 'build (node esbuild.mjs)')) await finish(1);
if (!existsSync('dist/extension.js')) {
  say('dist/extension.js is missing: run `npm run build` first');
  await finish(1);
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => f.endsWith('.test.ts') && statSync(f).isFile())
    .sort();
}

/** Follows a file while it grows and copies new text to stdout. */
function follow(file) {
  let offset = 0;
  const buf = Buffer.alloc(64 * 1024);
  const pump = () => {
    if (!existsSync(file)) return;
    const fd = openSync(file, 'r');
    try {
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, offset);
        if (n <= 0) break;
        offset += n;
        process.stdout.write(buf.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
  };
  const timer = setInterval(pump, 100);
  return () => {
    clearInterval(timer);
    pump();
  };
}

/** Starts the fake Anthropic API (scenario from --scenario, default by-request) when its module exists; null otherwise. */
async function startFakeApi() {
  const entry = join(ROOT, 'test/fixtures/fake-anthropic/server.ts');
  if (!existsSync(entry)) return null;
  try {
    const { startFakeAnthropic } = await tsImport(entry, import.meta.url);
    const fake = await startFakeAnthropic({ scenario, latencyScale: 0 });
    cleanups.push(() => fake.close());
    say(`fake Anthropic API (${scenario}) at ${fake.baseUrl}`);
    return fake;
  } catch (err) {
    say(`warning: could not start the fake Anthropic API: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

// ---------- integration: mocha inside the extension host ----------
async function runIntegration() {
  const files = findTests('test/integration');
  if (files.length === 0) {
    say('no test/integration/**/*.test.ts files');
    return 1;
  }
  const esbuild = await import('esbuild');
  const started = Date.now();
  const entry = [
    `import { runTests } from './test/integration/index.ts';`,
    `export function run() {`,
    `  return runTests([`,
    ...files.map((f) => `    { file: ${JSON.stringify(f)}, load: () => import(${JSON.stringify('./' + f)}) },`),
    `  ]);`,
    `}`,
  ].join('\n');
  const bundle = join(ROOT, 'dist-test/integration/index.js');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'integration-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile: bundle,
    sourcemap: 'inline',
    keepNames: true,
    logLevel: 'error',
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  say(`bundled ${files.length} test file(s) + mocha into ${relative(ROOT, bundle)}: ${secs(Date.now() - started)}`);

  const { CodeServer, Workbench } = await tsImport('../test/support/codeServerHost.ts', import.meta.url);
  const { startWorkbenchBridge } = await tsImport('../test/support/workbenchBridge.ts', import.meta.url);
  const fake = await startFakeApi();
  let pageReady;
  const pagePromise = new Promise((r) => { pageReady = r; });
  const scratch = mkdtempSync(join(tmpdir(), 'mge-integration-out-'));
  let keepScratch = keep;
  cleanups.push(() => { if (!keepScratch) rmSync(scratch, { recursive: true, force: true }); });
  const logFile = join(scratch, 'test.log');
  const resultFile = join(scratch, 'result.json');

  const bridge = await startWorkbenchBridge(pagePromise, verbose ? (l) => console.log(`  ${l}`) : undefined);
  cleanups.push(() => bridge.close());

  const csStarted = Date.now();
  const server = await CodeServer.start({
    label: 'mge-integration',
    settings: fake ? { 'mge.anthropic.baseUrl': fake.baseUrl } : {},
    env: {
      MGE_TEST_LOG_FILE: logFile,
      MGE_TEST_RESULT_FILE: resultFile,
      MGE_TEST_COLOR: color ? '1' : '0',
      ...(grep ? { MGE_TEST_GREP: grep } : {}),
      ...(fake ? { MGE_EXPECT_BASE_URL: fake.baseUrl, MGE_FAKE_SCENARIO: scenario } : {}),
      MGE_TEST_WORKBENCH_URL: bridge.url,
    },
    log: verbose ? (l) => console.log(`  [code-server] ${l}`) : undefined,
  });
  let failed = true;
  const keepRun = () => keep || (failed && !interrupted);
  cleanups.push(() => server.stop({ keepRunDir: keepRun() }).then(() => {
    if (keepRun()) say(`scratch folder kept: ${server.runDir}`);
  }));
  say(`code-server at ${server.url}: ${secs(Date.now() - csStarted)}`);

  // The workbench's own log (browser console + codeAutomationLog) is noise unless something
  // breaks: it goes to a file, and its tail is printed when the run fails outside the tests.
  const workbenchLog = createWriteStream(join(scratch, 'workbench.log'));
  cleanups.push(() => new Promise((r) => workbenchLog.end(r)));
  const workbenchTail = [];
  const wbLog = (line) => {
    workbenchLog.write(`${line}\n`);
    workbenchTail.push(line);
    if (workbenchTail.length > 300) workbenchTail.shift();
    if (verbose) console.log(`  [workbench] ${line}`);
  };
  const saveServerLog = () => writeFileSync(join(scratch, 'code-server.log'), server.logTail(400));
  const dumpTails = () => {
    keepScratch = true;
    console.log('[host-tests] --- workbench log (tail) ---');
    console.log(workbenchTail.slice(-40).map((l) => `  | ${l}`).join('\n'));
    console.log('[host-tests] --- code-server log (tail) ---');
    console.log(server.logTail(40));
    saveServerLog();
    say(`logs kept in ${scratch}`);
  };
  diagnostics = dumpTails;

  const stopFollowing = follow(logFile);
  cleanups.push(() => stopFollowing());
  let exitCode;
  const exited = new Promise((r) => { exitCode = r; });
  const wbStarted = Date.now();
  const workbench = await Workbench.open(server, {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: bundle,
    log: wbLog,
    onExit: (code) => exitCode(code),
  });
  cleanups.push(() => workbench.close());
  pageReady(workbench.page);
  say(`workbench loaded in chromium: ${secs(Date.now() - wbStarted)}; running the tests in the extension host`);
  const code = await exited;
  stopFollowing();
  const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
  if (!result) {
    say(`the extension host exited with ${code} without a test result (did the bundle load?)`);
    dumpTails();
    return code === 0 ? 1 : code;
  }
  failed = code !== 0;
  if (failed) {
    keepScratch = true;
    saveServerLog();
    say(`workbench and code-server logs kept in ${scratch}`);
  }
  say(`integration: ${result.passes} passing, ${result.failures} failing, ${result.pending} pending; host exit ${code}; ${secs(Date.now() - t0)} in all`);
  return code;
}

// ---------- ui: mocha in plain Node, tests drive the workbench ----------
async function runUi() {
  const files = findTests('test/ui');
  if (files.length === 0) {
    say('no test/ui/**/*.test.ts files');
    return 1;
  }
  mkdirSync('test-output/screenshots', { recursive: true });
  const args = [
    '--import', 'tsx',
    'node_modules/mocha/bin/mocha.js',
    '--no-config',
    '--reporter', 'spec',
    '--timeout', '180000',
    '--exit',
    ...(color ? ['--color'] : []),
    ...(grep ? ['--grep', grep] : []),
    ...files,
  ];
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, MGE_HOST_KEEP: keep ? '1' : '', MGE_HOST_VERBOSE: verbose ? '1' : '' },
  });
  let done = false;
  cleanups.push(async () => {
    if (done) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await new Promise((r) => child.once('exit', r));
    clearTimeout(t);
  });
  const code = await new Promise((r) => child.once('exit', (c, s) => r(c ?? (s ? 128 : 1))));
  done = true;
  say(`ui: mocha exit ${code}; ${secs(Date.now() - t0)} in all`);
  return code;
}

try {
  const code = mode === 'integration' ? await runIntegration() : await runUi();
  await finish(code);
} catch (err) {
  console.error(`[host-tests] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  diagnostics?.();
  await finish(1);
}
