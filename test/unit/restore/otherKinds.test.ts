// Restore points for the kinds whose restore is the person's act, with the real tools: Terraform state
// (a local-backend configuration of built-in `terraform_data`, no provider download), a force push to a
// real bare remote, and kubectl with no cluster to reach (the point says why it is partial).
import * as assert from 'assert';
import { execFileSync, execSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { restorePoint } from '../../../src/restore/restorePoint';
import { git, keep, plan, sh, tempDir, tempRepo, write } from './restoreFixtures';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('restore: Terraform state (real terraform)', function () {
  this.timeout(120_000);
  before(function () {
    if (!has('terraform')) throw new Error('terraform is not installed (the e2e setup installs it)');
  });

  it('terraform destroy: the state is kept; the printed state push brings the resources back under management', async () => {
    const dir = tempDir('ag-restore-tf-');
    const store = tempDir('ag-restore-store-');
    write(dir, 'main.tf', 'resource "terraform_data" "db" {\n  input = "customers"\n}\n');
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    execFileSync('terraform', ['init', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
    execFileSync('terraform', ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
    const stateList = () => execFileSync('terraform', ['state', 'list'], { cwd: dir, env, encoding: 'utf8' }).trim();
    assert.strictEqual(stateList(), 'terraform_data.db');

    const p = await plan('terraform destroy -auto-approve', dir);
    assert.match(p.parts[0].what, /^the Terraform state before `terraform destroy` \(not the resources\)$/);
    const taken = await keep('terraform destroy -auto-approve', dir, store);
    assert.strictEqual(taken.complete, true, taken.note);
    execFileSync('terraform', ['destroy', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env, stdio: 'ignore' });
    assert.strictEqual(stateList(), '');

    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(out.report.commands.length, 1);
    assert.match(out.report.commands[0], /terraform state push -force /);
    execSync(out.report.commands[0], { env, stdio: 'ignore', shell: '/bin/bash' });
    assert.strictEqual(stateList(), 'terraform_data.db');
  });
});

describe('restore: git push --force (real bare remote)', function () {
  this.timeout(60_000);

  it("keeps the remote branch's old commit; the printed push puts it back", async () => {
    const remote = tempDir('ag-restore-remote-');
    git(remote, 'init', '-q', '--bare', '-b', 'main');
    const repo = tempRepo();
    git(repo, 'remote', 'add', 'origin', remote);
    write(repo, 'pushed.txt', 'published work\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'published');
    git(repo, 'push', '-q', 'origin', 'main');
    const published = git(remote, 'rev-parse', 'main');
    git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    write(repo, 'other.txt', 'rewritten history\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'rewrite');

    const store = tempDir('ag-restore-store-');
    const taken = await keep('git push --force origin main', repo, store);
    assert.strictEqual(taken.complete, true, taken.note);
    sh(repo, 'git push -q --force origin main');
    assert.notStrictEqual(git(remote, 'rev-parse', 'main'), published);

    const out = await restorePoint(store, taken.id, { force: false });
    assert.ok(typeof out !== 'string');
    assert.strictEqual(out.report.commands.length, 1, 'pushing is the person’s act: the command is printed');
    execSync(out.report.commands[0], { stdio: 'ignore' });
    assert.strictEqual(git(remote, 'rev-parse', 'main'), published);
  });
});

describe('restore: Kubernetes (real kubectl, no cluster)', function () {
  this.timeout(60_000);

  it('says it keeps manifests, not volume data; with no cluster to reach the point is partial and says why', async () => {
    const dir = tempDir('ag-restore-kube-');
    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\nusers: [{name: u, user: {token: x}}]\n');
    const command = `kubectl --kubeconfig ${kubeconfig} delete deployment web -n shop`;
    const p = await plan(command, dir);
    assert.strictEqual(p.parts[0].what, 'the manifests of deployment web (not the data in their volumes)');
    const taken = await keep(command, dir, tempDir('ag-restore-store-'));
    assert.strictEqual(taken.complete, false);
    assert.match(taken.note ?? '', /^kubernetes: kubectl get failed/);
  });
});
