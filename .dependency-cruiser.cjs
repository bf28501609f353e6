// The dependency direction of src/ (see ../README "Architecture"): core is pure; the worker builds
// on core; storage on core; the team server's client (team) on core and storage; state on core,
// storage, worker and team, never on the map or the UI; the map on core and state; the UI on
// anything but start-up; no import cycles anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-is-pure',
      comment: 'src/core runs unchanged in the worker, the CLI, the server and tests',
      severity: 'error',
      from: { path: '^src/core' },
      to: { path: '^src/(storage|team|worker|state|map|ui|app|cli|server)/' },
    },
    {
      name: 'worker-below-the-page',
      severity: 'error',
      from: { path: '^src/worker' },
      to: { path: '^src/(team|state|map|ui|app|cli|server)/' },
    },
    {
      name: 'storage-below-the-page',
      severity: 'error',
      from: { path: '^src/storage' },
      to: { path: '^src/(team|worker|state|map|ui|app|cli|server)/' },
    },
    {
      name: 'team-client-below-the-page',
      comment: "src/team is the page's way to the team server: it builds on core and storage only",
      severity: 'error',
      from: { path: '^src/team' },
      to: { path: '^src/(worker|state|map|ui|app|cli|server)/' },
    },
    {
      name: 'state-knows-no-map-or-ui',
      comment: 'state receives the engine and the map through ports provided at start-up',
      severity: 'error',
      from: { path: '^src/state' },
      to: { path: '^src/(map|ui|app|cli|server)/' },
    },
    {
      name: 'map-knows-no-ui',
      severity: 'error',
      from: { path: '^src/map' },
      to: { path: '^src/(ui|app|cli|server)/' },
    },
    {
      name: 'start-up-is-not-imported-below-the-ui',
      severity: 'error',
      from: { path: '^src/(core|worker|storage|state|map)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'cli-is-node-only',
      severity: 'error',
      from: { path: '^src/cli' },
      to: { path: '^src/(storage|team|worker|state|map|ui|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    // Type-only imports count: a type from the UI in state is still state depending on the UI.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
