const fs = require('fs');
const { execSync } = require('child_process');
fs.rmSync('dist', { recursive: true, force: true });
execSync('tsc -p .', { stdio: 'inherit' });
