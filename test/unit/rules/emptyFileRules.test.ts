import { EMPTY_FILE_RULES } from '../../../src/engine/rules/emptyFileRules';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

// Emptying asks for database/data files, system files and files outside the workspace; in the workspace it runs.
const ROWS: Row[] = [
  ['fs.empty-file', ': > app.db', 'app.db', ': > notes.txt'],
  ['fs.empty-file', 'true > ~/.zsh_history', '~/.zsh_history', 'true > /tmp/run.log'],
  ['fs.empty-file', 'cat /dev/null > /var/log/syslog', '/var/log/syslog', 'cat /dev/null > build.log'],
  ['fs.empty-file', 'echo -n > data/events.jsonl', 'data/events.jsonl', 'echo done > data/status.txt'],
  ['fs.read-and-truncate', 'sort users.db > users.db', 'users.db', 'sort users.csv > sorted.csv'],
  ['fs.read-and-truncate', 'cat ~/.bashrc | grep -v alias > ~/.bashrc', '~/.bashrc', 'cat notes.txt | sort > notes.txt'],
  ['fs.truncate', 'truncate -s 0 app.db', 'app.db', 'truncate -s 10M disk.img'],
  ['fs.truncate', 'cp /dev/null prod.sqlite3', 'prod.sqlite3', 'cp /dev/null notes.txt'],
  ['fs.truncate', 'ln -sf /dev/null ~/.bash_history', '~/.bash_history', 'ln -s /dev/null build.log'],
  ['fs.truncate', 'install -m 644 /dev/null /etc/motd', '/etc/motd', 'install -m 755 /dev/null ./bin/hook'],
  ['fs.truncate', 'dd if=/dev/zero of=app.db bs=1M count=1', 'app.db', 'dd if=/dev/zero of=disk.img bs=1M count=100'],
  ['fs.sed-delete-all', "sed -i '1,$d' app.db", 'app.db', "sed -i '1d' app.db"],
  ['fs.sed-delete-all', 'sed -i d ~/.ssh/known_hosts', '~/.ssh/known_hosts', "sed -i '/^#/d' ~/.ssh/known_hosts"],
];

describe('data destroyed without rm', () => {
  describeRows(EMPTY_FILE_RULES, ROWS);
});
