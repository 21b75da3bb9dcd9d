// Payload shapes an adapter was not written for are judged, never let through unread: Cline's
// `tool_call` with `run_commands` (a JSON string array), a renamed event, a command under a field no
// host documents. Real engine and decision path; the window is unreachable, so a destructive call is a
// deny and a harmless one passes without asking.
import { strict as assert } from 'assert';
import { answerHook } from '../../../src/cli/hooks/answerHook';
import { SEARCH_NODE_LIMIT, findCommands } from '../../../src/hosts/commandSearch';
import { patchEdits, searchReplaceBlocks } from '../../../src/hosts/editTools';
import { HOSTS } from '../../../src/hosts/registry';
import { fixtureText } from './fixtures';
import { scriptedDeps } from './scriptedDeps';

/** The window is unreachable: a destructive call is a deny, a harmless one passes without asking. */
const deps = () => scriptedDeps(() => ({ ok: false, reason: 'no VS Code window with Agent Guard is open' }));

describe('payload shapes: every command is judged', () => {
  it('Cline CLI tool_call / run_commands with `rm -rf ./important` (commands is a JSON string) → cancel', async () => {
    const d = deps();
    const a = await answerHook('cline', fixtureText('cline-tool-call-run-commands-rm.json'), d);
    assert.equal(JSON.parse(a.stdout).cancel, true, a.stdout);
    assert.equal(d.asked.length, 1);
    assert.deepEqual(d.asked[0].action, { kind: 'shell', command: 'rm -rf ./important' });
  });

  it('Cline CLI 3.0.65 as the real-host suite saw it (a tool_call key too): denied per call, the reason as context, no command run', async () => {
    const d = deps();
    const payload = {
      ...JSON.parse(fixtureText('cline-tool-call-run-commands-rm.json')),
      tool_call: { id: 'call_0', name: 'run_commands', input: { commands: ['rm -rf ./important'] } },
    };
    const a = await answerHook('cline', JSON.stringify(payload), d);
    const answer = JSON.parse(a.stdout);
    assert.equal(answer.cancel, false, 'cancel:true would stop the whole run and hide the reason from the model');
    assert.deepEqual(answer.overrideInput, { commands: [] }, 'the call runs no command');
    assert.match(answer.context, /Agent Guard/);
    assert.equal(d.asked.length, 1);
  });

  it('Cline CLI tool_call / run_commands with `ls -la` → cancel:false, nobody asked', async () => {
    const d = deps();
    const a = await answerHook('cline', fixtureText('cline-tool-call-run-commands-ls.json'), d);
    assert.deepEqual([a.stdout, d.asked.length], ['{"cancel":false}\n', 0]);
  });

  it('Cline: every command of a run_commands list is judged (a harmless first one hides nothing)', () => {
    const call = HOSTS.cline.adapter.parse({ hookName: 'tool_call', workspaceRoots: ['/w'], preToolUse: { toolName: 'run_commands', parameters: { commands: ['ls', 'rm -rf ~'] } } }, '/x');
    assert.equal(call.kind, 'judge');
    assert.deepEqual((call as { action: unknown }).action, { kind: 'shell', command: 'ls\nrm -rf ~' });
  });

  it('Cline: the call under another envelope key (toolCall) is still found', () => {
    const call = HOSTS.cline.adapter.parse({ hookName: 'tool_call', toolCall: { name: 'execute_command', input: { command: 'rm -rf ~' } } }, '/x');
    assert.deepEqual((call as { action: unknown }).action, { kind: 'shell', command: 'rm -rf ~' });
  });

  const unknownShapes: Array<[string, string, unknown]> = [
    ['claude', 'an event name no version of Claude Code sends', { hook_event_name: 'PreToolExecute', tool_name: 'Bash', tool_input: { command: 'rm -rf ~' } }],
    ['cursor', 'a new Cursor event with a command', { hook_event_name: 'beforeTerminalCommand', command: 'rm -rf ~', workspace_roots: ['/w'] }],
    ['cursor', 'a payload with no event name at all', { command: 'rm -rf ~' }],
    ['gemini', 'a tool input nested two levels down', { hook_event_name: 'BeforeToolCall', payload: { call: { args: { cmd: 'rm -rf ~' } } } }],
    ['windsurf', 'a new Windsurf action', { agent_action_name: 'pre_shell', tool_info: { command_line: 'rm -rf ~' } }],
    ['cline', 'a Cline hook whose command sits in a JSON string', { hookName: 'beforeExecute', data: '{"commands":["rm -rf ~"]}' }],
    ['codex', 'an unknown shell tool name', { hook_event_name: 'PreToolUse', turn_id: 't', tool_name: 'run_terminal', tool_input: { command: 'rm -rf ~' } }],
  ];
  for (const [host, what, payload] of unknownShapes) {
    it(`${host}: ${what} → judged (rm -rf ~ is blocked)`, async () => {
      const d = deps();
      const a = await answerHook(host, JSON.stringify(payload), d);
      assert.equal(d.asked.length, 1, `asked (${a.stdout} ${a.stderr})`);
      assert.match(d.asked[0].action.kind === 'shell' ? d.asked[0].action.command : JSON.stringify(d.asked[0].action), /rm -rf ~/);
      assert.ok(a.exitCode === 2 || /deny|"cancel":true/.test(a.stdout), `${host} denied: ${a.stdout} ${a.stderr}`);
    });
  }

  it('an unknown event that carries no command and no call passes (nothing runs)', async () => {
    const a = await answerHook('claude', JSON.stringify({ hook_event_name: 'SomethingNew', note: 'hello' }), deps());
    assert.deepEqual(a, { stdout: '', stderr: '', exitCode: 0 });
  });

  it('an unknown event that names a guard file is refused; one that names src/app.ts passes', async () => {
    const guard = await answerHook('cursor', JSON.stringify({ hook_event_name: 'beforeFileWrite', workspace_roots: ['/w'], file_path: '/w/.cursor/hooks.json', content: '{}' }), deps());
    assert.equal(JSON.parse(guard.stdout).permission, 'deny');
    const app = await answerHook('cursor', JSON.stringify({ hook_event_name: 'beforeFileWrite', workspace_roots: ['/w'], file_path: '/w/src/app.ts', content: '' }), deps());
    assert.equal(JSON.parse(app.stdout).permission, 'allow');
  });

  it('a payload too deep or large to search is denied', async () => {
    let deep: unknown = { command: 'rm -rf ~' };
    for (let i = 0; i < 40; i++) deep = { inner: deep };
    const a = await answerHook('claude', JSON.stringify({ hook_event_name: 'NewEvent', deep }), deps());
    assert.equal(a.exitCode, 2);
    assert.match(a.stderr, /too large or too deeply nested/);
    const wide = { hook_event_name: 'NewEvent', items: Array.from({ length: SEARCH_NODE_LIMIT + 10 }, (_, i) => ({ i })) };
    assert.equal((await answerHook('claude', JSON.stringify(wide), deps())).exitCode, 2);
  });
});

describe('command search and edit readers', () => {
  it('finds commands by field name: strings, argv arrays, lists, JSON text', () => {
    assert.deepEqual(findCommands({ a: { command: 'ls' }, b: { cmd: ['bash', '-c', 'rm -rf x'] }, c: { commands: '["a","b"]' }, d: '{"script":"make nuke"}' }).commands, ['ls', "bash -c 'rm -rf x'", 'a', 'b', 'make nuke']);
    assert.deepEqual(findCommands({ text: 'rm -rf ~', description: 'not a field for commands' }).commands, []);
    assert.deepEqual(findCommands({ tool: { file_path: '/w/.vscode/settings.json' } }).paths, ['/w/.vscode/settings.json']);
  });

  it('apply_patch: add, update with hunks, move and delete, one entry per file', () => {
    const patch = [
      '*** Begin Patch',
      '*** Add File: a.txt',
      '+hello',
      '*** Update File: b.json',
      '*** Move to: c.json',
      '@@',
      ' {',
      '-  "x": 1',
      '+  "x": 2',
      ' }',
      '*** Delete File: d.txt',
      '*** End Patch',
    ].join('\n');
    assert.deepEqual(patchEdits(patch), [
      { path: 'a.txt', change: { kind: 'write', content: 'hello\n' } },
      { path: 'b.json', change: { kind: 'move', to: 'c.json' } },
      { path: 'b.json', change: { kind: 'replace', edits: [{ oldText: '{\n  "x": 1\n}', newText: '{\n  "x": 2\n}' }] } },
      { path: 'd.txt', change: { kind: 'delete' } },
    ]);
  });

  it('Cline SEARCH/REPLACE blocks, both spellings; an unterminated block is unknown', () => {
    assert.deepEqual(searchReplaceBlocks('------- SEARCH\na\n=======\nb\n+++++++ REPLACE\n<<<<<<< SEARCH\nc\n=======\nd\n>>>>>>> REPLACE'), {
      kind: 'replace',
      edits: [
        { oldText: 'a', newText: 'b' },
        { oldText: 'c', newText: 'd' },
      ],
    });
    assert.deepEqual(searchReplaceBlocks('------- SEARCH\na\n=======\nb'), { kind: 'unknown' });
  });
});
