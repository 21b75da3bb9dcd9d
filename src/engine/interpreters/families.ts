// One table per language family: how its code is lexed, and what each call does. Keys are dotted
// callee names (`os.system`, `FileUtils.rm_rf`); a key starting with `.` matches that method on any
// receiver or bare (`.rmtree` matches `shutil.rmtree` and `rmtree`). Exact names win over `.method` keys.
import type { LexOptions } from './codeLexer';

export type CallRole =
  /** First argument is a shell command line (a string), or an argv list, or several argv words. */
  | 'shell'
  /** First argument is a program, then an argv list or more words (`spawn('rm', ['-rf', d])`, `exec.Command("rm", …)`). */
  | 'argv'
  /** Like argv, but the first argument is a context (`exec.CommandContext(ctx, "rm", …)`). */
  | 'argv-after-first'
  | 'delete-tree'
  | 'delete-file'
  /** Deletes a tree only with `recursive: true` / `recursive=TRUE` among its arguments. */
  | 'delete-if-recursive'
  /** Truncates or writes the file named by its first argument. */
  | 'write'
  /** Moves or renames its first argument onto its second (`shutil.move`, `fs.renameSync`). */
  | 'move'
  /** Copies its first argument over its second (`shutil.copy`, `fs.copyFileSync`). */
  | 'copy'
  /** Changes the mode of its first argument (`os.chmod`, `fs.chmodSync`). */
  | 'chmod'
  /** Makes its second argument a symbolic link to its first (`os.symlink`, `fs.symlinkSync`). */
  | 'symlink'
  /** `open(path, mode)`: a write when the mode truncates or appends. */
  | 'open'
  | 'http-get'
  | 'http-post'
  | 'http-put'
  | 'http-patch'
  | 'http-delete'
  /** `request('DELETE', url)`, `HTTP::Request->new(DELETE => url)`, `http.NewRequest("DELETE", url, …)`. */
  | 'http-method'
  /** `fetch(url, { method: 'DELETE', body })`, `Request(url, method='DELETE')`. */
  | 'http-options'
  /** `axios({ method: 'delete', url })`. */
  | 'http-config'
  /** Some argument is SQL text (`cursor.execute("DROP TABLE t")`, `$dbh->do(…)`). */
  | 'sql'
  /** A bulk delete through an ORM: always asks. */
  | 'orm-bulk'
  /** An ORM delete that is bulk only when called with no filter (`deleteMany({})`, `.delete()` after `.all()`). */
  | 'orm-maybe-bulk'
  /** Runs code text: a literal is read as code of the same language; anything else asks. */
  | 'eval'
  /** Reaches a name the code computes (`getattr(os, name)`, `__import__(x)`, `.send(m)`): asks when not literal. */
  | 'computed-name'
  /** Decodes hidden bytes (`pack("H*", …)`): asks. */
  | 'decode';

export interface Family {
  id: string;
  /** For the person: "Python", "Node.js". */
  label: string;
  lex: LexOptions;
  calls: ReadonlyMap<string, CallRole>;
  /** Names that take arguments without parentheses (`system "…"`). */
  bareCalls?: ReadonlySet<string>;
  /** Member separators besides `.`. */
  separators: ReadonlySet<string>;
  /** Calls that list a folder; a file delete of a computed path next to one deletes a folder's files. */
  listings: ReadonlySet<string>;
  /** Calls that build text from character codes (`chr`, `String.fromCharCode`): three or more ask. */
  charCodes?: string;
}

const NONE: ReadonlySet<string> = new Set();
const ARROWS: ReadonlySet<string> = new Set(['::', '->']);
const COLONS: ReadonlySet<string> = new Set(['::']);

/** A family's call table, split into a map the first time interpreter code of that family is read (issue 11). */
class CallTable implements ReadonlyMap<string, CallRole> {
  private built: Map<string, CallRole> | undefined;
  constructor(private readonly entries_: Record<CallRole, string>) {}
  private get map(): Map<string, CallRole> {
    if (this.built === undefined) {
      const m = new Map<string, CallRole>();
      for (const [role, names] of Object.entries(this.entries_) as Array<[CallRole, string]>) {
        for (const n of names.split(/\s+/)) if (n) m.set(n, role);
      }
      this.built = m;
    }
    return this.built;
  }
  get(name: string): CallRole | undefined {
    return this.map.get(name);
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  get size(): number {
    return this.map.size;
  }
  keys(): MapIterator<string> {
    return this.map.keys();
  }
  values(): MapIterator<CallRole> {
    return this.map.values();
  }
  entries(): MapIterator<[string, CallRole]> {
    return this.map.entries();
  }
  [Symbol.iterator](): MapIterator<[string, CallRole]> {
    return this.map.entries();
  }
  forEach(fn: (value: CallRole, key: string, map: ReadonlyMap<string, CallRole>) => void, thisArg?: unknown): void {
    this.map.forEach((v, k) => fn.call(thisArg, v, k, this));
  }
}

function table(entries: Record<CallRole, string>): ReadonlyMap<string, CallRole> {
  return new CallTable(entries);
}

const EMPTY: Record<CallRole, string> = {
  shell: '', argv: '', 'argv-after-first': '', 'delete-tree': '', 'delete-file': '', 'delete-if-recursive': '', write: '', move: '', copy: '', chmod: '', symlink: '', open: '',
  'http-get': '', 'http-post': '', 'http-put': '', 'http-patch': '', 'http-delete': '', 'http-method': '', 'http-options': '', 'http-config': '',
  sql: '', 'orm-bulk': '', 'orm-maybe-bulk': '', eval: '', 'computed-name': '', decode: '',
};

export const PYTHON: Family = {
  id: 'python',
  label: 'Python',
  lex: { lineComments: ['#'], python: true, backtick: 'none', interpolation: 'none' },
  separators: NONE,
  charCodes: 'chr',
  listings: new Set(['os.listdir', 'listdir', 'os.scandir', 'scandir', 'os.walk', 'glob.glob', 'glob', '.glob', '.rglob', '.iterdir', 'glob.iglob']),
  calls: table({
    ...EMPTY,
    shell: 'os.system .system os.popen subprocess.run subprocess.call subprocess.check_call subprocess.check_output subprocess.Popen subprocess.getoutput subprocess.getstatusoutput commands.getoutput asyncio.create_subprocess_shell pty.spawn sh.Command',
    argv: 'os.execv os.execvp os.execvpe os.execve os.execl os.execlp os.execle os.execlpe os.spawnv os.spawnvp os.spawnl os.spawnlp asyncio.create_subprocess_exec os.posix_spawn os.posix_spawnp',
    'delete-tree': '.rmtree .remove_tree',
    'delete-file': 'os.remove os.unlink os.rmdir os.removedirs .unlink .rmdir',
    write: '.write_text .write_bytes os.truncate',
    move: 'shutil.move os.rename os.replace os.renames .rename .replace',
    copy: 'shutil.copy shutil.copyfile shutil.copy2',
    chmod: 'os.chmod .chmod',
    symlink: 'os.symlink .symlink_to',
    open: 'open io.open codecs.open',
    'http-get': 'requests.get httpx.get',
    'http-post': 'requests.post httpx.post',
    'http-put': 'requests.put httpx.put',
    'http-patch': 'requests.patch httpx.patch',
    'http-delete': 'requests.delete httpx.delete',
    'http-method': 'requests.request httpx.request .request',
    'http-options': 'urllib.request.Request urllib.request.urlopen',
    sql: '.execute .executescript .executemany .exec_driver_sql text .raw cursor.execute',
    'orm-bulk': '.delete_all .destroy_all .truncate',
    'orm-maybe-bulk': '.delete .drop .drop_collection .drop_database .delete_many',
    eval: 'exec eval compile builtins.exec builtins.eval',
    'computed-name': 'getattr __import__ importlib.import_module',
  }),
};

export const JAVASCRIPT: Family = {
  id: 'javascript',
  label: 'JavaScript',
  lex: { lineComments: ['//'], blockComments: true, backtick: 'template', interpolation: 'none' },
  separators: NONE,
  charCodes: 'String.fromCharCode',
  listings: new Set(['.readdirSync', '.readdir', 'readdirSync', 'readdir', 'glob', 'glob.sync', 'globSync', '.readDir', 'Deno.readDir', 'fg', 'fg.sync', 'fastGlob.sync']),
  calls: table({
    ...EMPTY,
    shell: 'exec execSync child_process.exec child_process.execSync .execSync cp.exec childProcess.exec shelljs.exec shell.exec execaCommand execaCommandSync execa.execaCommand execa.execaCommandSync execa.command zx.$ $ Bun.$ bun.$',
    argv: 'spawn spawnSync .spawnSync child_process.spawn child_process.spawnSync cp.spawn childProcess.spawn execFile execFileSync .execFileSync child_process.execFile child_process.execFileSync cp.execFile execa execaSync execa.execa execa.execaSync Bun.spawn Bun.spawnSync Deno.run Deno.Command Command',
    'delete-tree': 'rimraf rimraf.sync rimrafSync rimraf.rimraf rimraf.rimrafSync fs-extra.remove fs-extra.removeSync fs-extra.emptyDir fs-extra.emptyDirSync del.deleteSync del.deleteAsync fse.remove fse.removeSync fs.remove fs.removeSync fsExtra.remove fsExtra.removeSync .emptyDir .emptyDirSync del del.sync deleteSync deleteAsync',
    'delete-if-recursive': 'fs.rm fs.rmSync fs.rmdir fs.rmdirSync .rmSync .rmdirSync fsp.rm fsp.rmdir fs.promises.rm fs/promises.rm fs/promises.rmdir promises.rm rm rmdir Deno.remove Deno.removeSync',
    'delete-file': 'fs.unlink fs.unlinkSync .unlinkSync fsp.unlink fs.promises.unlink fs/promises.unlink unlink',
    write: 'fs.writeFileSync fs.writeFile .writeFileSync fsp.writeFile fs.promises.writeFile fs/promises.writeFile promises.writeFile writeFile writeFileSync fs.truncateSync fs.truncate Deno.writeTextFile Deno.writeFile Deno.writeTextFileSync Bun.write fs.appendFileSync fs.appendFile .appendFileSync appendFileSync appendFile fsp.appendFile fs.promises.appendFile fs/promises.appendFile fs.createWriteStream .createWriteStream createWriteStream',
    move: 'fs.renameSync fs.rename .renameSync fsp.rename fs.promises.rename fs-extra.move fs-extra.moveSync fse.move fse.moveSync',
    copy: 'fs.copyFileSync fs.copyFile .copyFileSync fsp.copyFile',
    chmod: 'fs.chmodSync fs.chmod .chmodSync fsp.chmod',
    symlink: 'fs.symlinkSync fs.symlink .symlinkSync fsp.symlink',
    'http-get': 'axios.get got.get ky.get',
    'http-post': 'axios.post got.post ky.post',
    'http-put': 'axios.put got.put ky.put',
    'http-patch': 'axios.patch got.patch ky.patch',
    'http-delete': 'axios.delete got.delete ky.delete',
    'http-options': 'fetch got ky',
    'http-config': 'axios axios.request',
    sql: '.query .execute .exec .raw .unsafe $executeRawUnsafe $queryRawUnsafe $executeRaw $queryRaw .$executeRawUnsafe .$queryRawUnsafe .$executeRaw .$queryRaw',
    'orm-bulk': '.truncate .dropDatabase .dropCollection',
    'orm-maybe-bulk': '.deleteMany .destroy .drop .delete',
    eval: 'eval Function vm.runInNewContext vm.runInThisContext vm.Script vm.runInContext',
    'computed-name': '',
  }),
};

export const PERL: Family = {
  id: 'perl',
  label: 'Perl',
  lex: { lineComments: ['#'], backtick: 'exec', interpolation: 'dollar', quoteOperators: 'perl' },
  separators: ARROWS,
  listings: new Set(['glob', 'readdir', 'opendir', 'File.Find.find', 'find']),
  bareCalls: new Set(['system', 'exec', 'unlink', 'rmtree', 'remove_tree', 'eval', 'open']),
  calls: table({
    ...EMPTY,
    shell: 'system exec readpipe IPC.Run.run IPC.System.Simple.system IPC.System.Simple.capture capture',
    'delete-tree': 'rmtree remove_tree File.Path.rmtree File.Path.remove_tree',
    'delete-file': 'unlink',
    open: 'open',
    'http-get': '.get',
    'http-post': '.post',
    'http-put': '.put',
    'http-delete': '.delete',
    'http-method': 'HTTP.Request.new',
    sql: '.do .prepare .selectall_arrayref .selectrow_array',
    eval: 'eval',
    decode: 'pack',
  }),
};

export const RUBY: Family = {
  id: 'ruby',
  label: 'Ruby',
  lex: { lineComments: ['#'], backtick: 'exec', interpolation: 'ruby', quoteOperators: 'ruby' },
  separators: COLONS,
  listings: new Set(['Dir.glob', 'Dir', 'Dir.entries', 'Dir.children', 'Dir.each_child', '.children', 'Find.find']),
  bareCalls: new Set(['system', 'exec', 'spawn', 'rm_rf', 'rm_r', 'eval', 'delete_all', 'destroy_all']),
  calls: table({
    ...EMPTY,
    shell: 'system exec spawn Kernel.system Kernel.exec Process.spawn IO.popen Open3.capture2 Open3.capture2e Open3.capture3 Open3.popen3 Open3.popen2 PTY.spawn',
    'delete-tree': 'FileUtils.rm_rf FileUtils.rm_r FileUtils.remove_dir FileUtils.remove_entry FileUtils.remove_entry_secure FileUtils.rmtree rm_rf rm_r .rmtree',
    'delete-file': 'File.delete File.unlink FileUtils.rm FileUtils.rm_f FileUtils.remove',
    write: 'File.write IO.write File.truncate',
    move: 'FileUtils.mv FileUtils.move File.rename',
    copy: 'FileUtils.cp FileUtils.copy',
    chmod: 'FileUtils.chmod File.chmod FileUtils.chmod_R',
    symlink: 'File.symlink FileUtils.ln_s FileUtils.ln_sf',
    open: 'File.open File.new',
    'http-get': 'HTTParty.get RestClient.get Net.HTTP.Get.new',
    'http-post': 'HTTParty.post RestClient.post Net.HTTP.Post.new',
    'http-put': 'HTTParty.put RestClient.put Net.HTTP.Put.new',
    'http-patch': 'HTTParty.patch RestClient.patch Net.HTTP.Patch.new',
    'http-delete': 'HTTParty.delete RestClient.delete Net.HTTP.Delete.new',
    sql: '.execute .exec_query .query connection.execute .exec',
    'orm-bulk': '.delete_all .destroy_all .truncate',
    eval: 'eval instance_eval class_eval module_eval Kernel.eval',
    'computed-name': '.send .public_send .__send__ Object.const_get .const_get',
  }),
};

export const PHP: Family = {
  id: 'php',
  label: 'PHP',
  lex: { lineComments: ['//', '#'], blockComments: true, backtick: 'exec', interpolation: 'dollar' },
  separators: ARROWS,
  listings: new Set(['glob', 'scandir', 'readdir', 'opendir']),
  calls: table({
    ...EMPTY,
    shell: 'exec shell_exec system passthru popen proc_open',
    argv: 'pcntl_exec',
    'delete-file': 'unlink',
    write: 'file_put_contents',
    move: 'rename',
    copy: 'copy',
    chmod: 'chmod',
    symlink: 'symlink',
    open: 'fopen',
    sql: 'mysqli_query pg_query .query .exec .prepare DB.statement DB.unprepared',
    'orm-bulk': '.truncate',
    eval: 'eval assert create_function',
  }),
};

export const LUA: Family = {
  id: 'lua',
  label: 'Lua',
  lex: { lineComments: ['--'], lua: true, backtick: 'none', interpolation: 'none' },
  separators: NONE,
  listings: new Set(['lfs.dir', 'io.popen']),
  calls: table({
    ...EMPTY,
    shell: 'os.execute io.popen',
    'delete-file': 'os.remove',
    open: 'io.open',
    eval: 'load loadstring dofile',
  }),
};

export const R: Family = {
  id: 'r',
  label: 'R',
  lex: { lineComments: ['#'], backtick: 'none', interpolation: 'none' },
  separators: COLONS,
  listings: new Set(['list.files', 'dir']),
  calls: table({
    ...EMPTY,
    shell: 'system shell',
    argv: 'system2 processx.run',
    'delete-if-recursive': 'unlink',
    'delete-file': 'file.remove fs.file_delete',
    'delete-tree': 'fs.dir_delete',
    'http-delete': 'httr.DELETE DELETE',
    'http-post': 'httr.POST POST',
    sql: 'dbExecute dbSendQuery dbGetQuery dbSendStatement DBI.dbExecute',
    eval: 'eval',
  }),
};

export const GO: Family = {
  id: 'go',
  label: 'Go',
  lex: { lineComments: ['//'], blockComments: true, backtick: 'raw', interpolation: 'none' },
  separators: NONE,
  listings: new Set(['os.ReadDir', 'ioutil.ReadDir', 'filepath.Walk', 'filepath.WalkDir', 'filepath.Glob']),
  calls: table({
    ...EMPTY,
    argv: 'exec.Command syscall.Exec',
    'argv-after-first': 'exec.CommandContext',
    'delete-tree': 'os.RemoveAll',
    'delete-file': 'os.Remove',
    write: 'os.WriteFile ioutil.WriteFile os.Create os.Truncate',
    move: 'os.Rename',
    chmod: 'os.Chmod',
    symlink: 'os.Symlink',
    'http-method': 'http.NewRequest http.NewRequestWithContext',
    'http-post': 'http.Post',
    sql: '.Exec .Query .QueryRow .ExecContext',
  }),
};

/** awk: `system("…")`; its pipes (`print | "sh"`, `"cmd" | getline`) are read by the awk scanner. */
export const AWK: Family = {
  id: 'awk',
  label: 'awk',
  lex: { lineComments: ['#'], backtick: 'none', interpolation: 'none' },
  separators: NONE,
  listings: NONE,
  calls: table({ ...EMPTY, shell: 'system' }),
};

/** Vim script: `system('…')` calls; `!cmd` lines are read by the vim scanner. */
export const VIM: Family = {
  id: 'vim',
  label: 'Vim',
  lex: { lineComments: [], backtick: 'none', interpolation: 'none' },
  separators: NONE,
  listings: NONE,
  calls: table({ ...EMPTY, shell: 'system systemlist' }),
};

/** Tcl is read line by line by its own scanner (`exec`, `file delete -force`); this names it. */
export const TCL: Family = {
  id: 'tcl',
  label: 'Tcl',
  lex: { lineComments: ['#'], backtick: 'none', interpolation: 'none' },
  separators: NONE,
  listings: NONE,
  calls: table({ ...EMPTY }),
};
