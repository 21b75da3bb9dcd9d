// Infrastructure-as-code rules: the destroy paths of Terraform / OpenTofu / Terragrunt, Pulumi, CDK,
// CDKTF and Serverless. `terraform apply`, `plan` and `pulumi up` run (even with auto-approve): they
// converge to the code, and the code is in the repository. What asks is an explicit destroy.

import type { Rule, RulePack, SimpleCommand } from '../types';
import { asksForHelp, code, hasLong, scanArgs } from './scanArgs';
import { ownEntry } from '../ownEntry';

const TERRAFORM = ['terraform', 'tofu', 'terragrunt'] as const;

interface TfCall {
  verb: string;
  /** Arguments after the verb. */
  rest: readonly string[];
  tool: string;
}

/** Terraform options are single-dash long names (`-destroy`); Go's flag package also takes `--destroy`. */
function tfFlag(args: readonly string[], name: string): boolean {
  for (const a of args) {
    if (a === '-' + name || a === '--' + name || a.startsWith('-' + name + '=') || a.startsWith('--' + name + '=')) return true;
  }
  return false;
}

function tfValues(args: readonly string[], name: string): string[] {
  const out: string[] = [];
  const one = '-' + name + '=';
  const two = '-' + one;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith(one)) out.push(a.slice(one.length));
    else if (a.startsWith(two)) out.push(a.slice(two.length));
    else if ((a === '-' + name || a === '--' + name) && i + 1 < args.length) out.push(args[i + 1]);
  }
  return out;
}

/** Terragrunt's multi-module forms: `run-all destroy`, `run --all destroy`, `run -- destroy`, `destroy-all`. */
const TERRAGRUNT_RUNNERS: ReadonlySet<string> = new Set(['run-all', 'run']);

function tfCall(cmd: SimpleCommand): TfCall | null {
  const a = cmd.args;
  if (tfFlag(a, 'help') || asksForHelp(a)) return null;
  let i = 0;
  // Global options before the verb: -chdir=DIR, terragrunt's --working-dir DIR ….
  while (i < a.length && (a[i].startsWith('-') || (cmd.name === 'terragrunt' && TERRAGRUNT_RUNNERS.has(a[i])))) {
    if (a[i] === '--working-dir' || a[i] === '--terragrunt-working-dir') i++;
    i++;
  }
  if (i >= a.length) return null;
  let verb = a[i];
  if (verb === 'destroy-all') verb = 'destroy';
  if (verb === 'apply-all') verb = 'apply';
  return { verb, rest: a.slice(i + 1), tool: cmd.name };
}

function scopeOf(rest: readonly string[]): string {
  const targets = tfValues(rest, 'target');
  return targets.length > 0 ? targets.map(code).join(', ') : 'every resource in this configuration';
}

const terraformDestroy: Rule = {
  id: 'iac.terraform-destroy',
  category: 'iac',
  severity: 'high',
  commands: TERRAFORM,
  summary: 'destroys the infrastructure this configuration manages',
  rationale: '`destroy` and `apply -destroy` delete the real resources (databases, buckets, clusters) the state tracks.',
  match(cmd) {
    const c = tfCall(cmd);
    if (c === null) return null;
    const multi = cmd.name === 'terragrunt' && (cmd.args.includes('run-all') || cmd.args.includes('--all') || cmd.args.includes('destroy-all'));
    const where = multi ? ' of every Terragrunt module below this folder' : '';
    // destroy (and apply -destroy): deletes every tracked resource, or the -target ones.
    if (c.verb === 'destroy' || (c.verb === 'apply' && tfFlag(c.rest, 'destroy'))) {
      return { summary: `destroys ${scopeOf(c.rest)}${where} (${code(c.tool + ' ' + c.verb + (c.verb === 'apply' ? ' -destroy' : ''))})`, target: tfValues(c.rest, 'target').join(' ') || 'all resources' };
    }
    // apply -replace=ADDR: destroys and recreates that resource; a database comes back empty.
    if (c.verb === 'apply') {
      const replaced = tfValues(c.rest, 'replace');
      if (replaced.length > 0) {
        return { summary: `destroys and recreates ${replaced.map(code).join(', ')}; its data does not come back`, target: replaced.join(' '), severity: 'medium' };
      }
    }
    return null;
  },
};

const terraformState: Rule = {
  id: 'iac.terraform-state-rm',
  category: 'iac',
  severity: 'high',
  commands: TERRAFORM,
  summary: 'removes resources from the Terraform state or deletes a workspace',
  rationale:
    '`state rm` makes Terraform forget a live resource (the next apply creates a duplicate or the resource is orphaned); ' +
    '`workspace delete` drops a whole state.',
  match(cmd) {
    const c = tfCall(cmd);
    if (c === null || (c.verb !== 'state' && c.verb !== 'workspace')) return null;
    const action = c.rest[0];
    const operands = c.rest.slice(1).filter((w) => !w.startsWith('-'));
    if (c.verb === 'state' && action === 'rm') {
      if (tfFlag(c.rest, 'dry-run')) return null;
      return { summary: `removes ${operands.map(code).join(', ') || 'resources'} from the ${c.tool} state; the real resources are no longer managed`, target: operands.join(' ') };
    }
    // state push overwrites the remote state with a local file (with -force even an older one).
    if (c.verb === 'state' && action === 'push') {
      return { summary: `overwrites the ${c.tool} state with ${code(operands[0] ?? '?')}; resources missing from that file are forgotten`, target: operands[0], severity: 'medium' };
    }
    if (c.verb === 'workspace' && action === 'delete') {
      return { summary: `deletes the ${c.tool} workspace ${code(operands[0] ?? '?')} and its state`, target: operands[0] };
    }
    return null;
  },
};

const PULUMI_SPEC = { shortWithValue: 'Cs', longWithValue: new Set(['cwd', 'stack', 'target', 'config-file', 'message', 'parallel']) };

const pulumiDestroy: Rule = {
  id: 'iac.pulumi-destroy',
  category: 'iac',
  severity: 'high',
  commands: ['pulumi'],
  summary: 'destroys a Pulumi stack\'s resources or removes the stack',
  rationale: '`pulumi destroy` deletes every resource of the stack; `stack rm` deletes the stack and its history; `state delete` forgets a resource.',
  match(cmd) {
    if (asksForHelp(cmd.args)) return null;
    const s = scanArgs(cmd.args, PULUMI_SPEC);
    const verb = s.positionals[0];
    const stack = s.values.get('s') ?? s.values.get('stack');
    const stackWords = stack === undefined ? 'the current stack' : `the stack ${code(stack)}`;
    if (verb === 'destroy' || verb === 'down') {
      // --preview-only: shows the plan, deletes nothing.
      if (hasLong(s, 'preview-only')) return null;
      return { summary: `destroys every resource of ${stackWords}`, target: stack ?? 'current stack' };
    }
    if (verb === 'stack' && (s.positionals[1] === 'rm' || s.positionals[1] === 'remove')) {
      const name = s.positionals[2] ?? stack;
      return { summary: `removes the Pulumi stack ${code(name ?? 'current')} with its configuration and history`, target: name ?? 'current stack' };
    }
    if (verb === 'state' && s.positionals[1] === 'delete') {
      return { summary: `makes Pulumi forget ${code(s.positionals[2] ?? '?')} in ${stackWords}`, target: s.positionals[2], severity: 'medium' };
    }
    return null;
  },
};

/** npm packages run through `npx`/`bunx`/`pnpm dlx`, by the binary they provide. */
const NPM_PACKAGE_BINS: Readonly<Record<string, string>> = {
  'aws-cdk': 'cdk',
  'cdktf-cli': 'cdktf',
  '@aws-amplify/cli': 'amplify',
};

const cdkDestroy: Rule = {
  id: 'iac.cdk-destroy',
  category: 'iac',
  severity: 'high',
  commands: ['cdk', 'cdktf', 'serverless', 'sls', 'sst', 'amplify', ...Object.keys(NPM_PACKAGE_BINS)],
  summary: 'destroys deployed stacks',
  rationale: '`cdk destroy`, `cdktf destroy`, `serverless remove`, `sst remove` and `amplify delete` delete the deployed stacks and the resources in them.',
  match(cmd) {
    if (asksForHelp(cmd.args)) return null;
    const s = scanArgs(cmd.args, { shortWithValue: 'cs', longWithValue: new Set(['context', 'stage', 'region', 'app', 'profile']) });
    const verb = s.positionals[0];
    // `npx aws-cdk destroy`, `npx @aws-amplify/cli delete`: the package name stands for its binary.
    const tool = ownEntry(NPM_PACKAGE_BINS, cmd.name) ?? cmd.name;
    // amplify delete / amplify env remove: the whole backend, or one of its environments.
    const destroying =
      tool === 'cdk' || tool === 'cdktf' ? verb === 'destroy'
      : tool === 'amplify' ? verb === 'delete' || (verb === 'env' && (s.positionals[1] === 'remove' || s.positionals[1] === 'rm'))
      : verb === 'remove';
    if (!destroying) return null;
    const stacks = s.positionals.slice(verb === 'env' ? 2 : 1);
    const stage = s.values.get('stage') ?? s.values.get('s');
    const which = hasLong(s, 'all') ? 'every stack of the app' : stacks.length > 0 ? stacks.map(code).join(', ') : stage !== undefined ? `the stage ${code(stage)}` : 'the deployed stack';
    return { summary: `destroys ${which} and the resources in it (${code(tool + ' ' + verb)})`, target: stacks.join(' ') || stage || 'stack' };
  },
};

export const IAC_RULES: RulePack = {
  name: 'iac',
  rules: [terraformDestroy, terraformState, pulumiDestroy, cdkDestroy],
};
