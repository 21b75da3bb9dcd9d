// Loaded by mocha before any test: CLI runs in tests spool their decisions into a throwaway folder,
// never into the developer's ~/.agent-guard (child processes inherit this environment).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

process.env.AGENT_GUARD_SPOOL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-spool-'));
