// Kubernetes rules: deletes that take state or many workloads with them. One named pod runs (its
// controller recreates it, as do pods picked by a selector); namespaces, volumes, StatefulSets,
// Deployments, CRDs, whole manifests, other kinds picked by a selector, `--all` and `-A` ask.
// A production context raises the severity in the engine, not here.

import type { Rule, RuleHit, RulePack, Severity, SimpleCommand } from '../types';
import { asksForHelp, code, hasLong, hasShort, scanArgs, viaXargs } from './scanArgs';
import type { ArgSpec, ScannedArgs } from './scanArgs';

const KUBECTL = ['kubectl', 'oc', 'kubecolor'] as const;

/** kubectl options that take a value (global and delete's own), so their values are not read as names. */
const KUBECTL_SPEC: ArgSpec = {
  shortWithValue: 'nslfkov',
  longWithValue: new Set([
    'namespace', 'context', 'kubeconfig', 'cluster', 'user', 'server', 'token', 'as', 'as-group', 'as-uid',
    'request-timeout', 'cache-dir', 'certificate-authority', 'client-certificate', 'client-key', 'selector',
    'field-selector', 'filename', 'kustomize', 'output', 'grace-period', 'timeout', 'cascade', 'raw',
    'pod-selector', 'delete-emptydir-data-timeout', 'chunk-size', 'tls-server-name',
  ]),
};

interface KindInfo {
  label: string;
  severity: Severity;
  /** What goes with it, for the summary. */
  consequence: string;
}

const NAMESPACE: KindInfo = { label: 'namespace', severity: 'high', consequence: 'and every resource in it' };
const PVC: KindInfo = { label: 'volume claim', severity: 'high', consequence: 'and, with the usual Delete reclaim policy, the volume\'s data' };
const PV: KindInfo = { label: 'persistent volume', severity: 'high', consequence: 'and, depending on its reclaim policy, the data on it' };
const STS: KindInfo = { label: 'StatefulSet', severity: 'medium', consequence: ', taking its pods down' };
const DEPLOY: KindInfo = { label: 'Deployment', severity: 'medium', consequence: ', taking its pods down' };
const CRD: KindInfo = { label: 'resource type', severity: 'high', consequence: 'and every resource of that type' };
const ALL: KindInfo = { label: 'workloads (`all`)', severity: 'high', consequence: 'with their pods' };

/** Dangerous kinds by every spelling kubectl accepts (singular, plural, short name). */
const DANGEROUS_KINDS: ReadonlyMap<string, KindInfo> = new Map([
  ['namespace', NAMESPACE], ['namespaces', NAMESPACE], ['ns', NAMESPACE],
  // OpenShift (`oc delete project x`): a project is a namespace.
  ['project', NAMESPACE], ['projects', NAMESPACE],
  ['persistentvolumeclaim', PVC], ['persistentvolumeclaims', PVC], ['pvc', PVC],
  ['persistentvolume', PV], ['persistentvolumes', PV], ['pv', PV],
  ['statefulset', STS], ['statefulsets', STS], ['sts', STS],
  ['deployment', DEPLOY], ['deployments', DEPLOY], ['deploy', DEPLOY],
  ['customresourcedefinition', CRD], ['customresourcedefinitions', CRD], ['crd', CRD], ['crds', CRD],
  ['all', ALL],
]);

interface KubectlCall {
  verb: string;
  s: ScannedArgs;
  /** Operands after the verb. */
  operands: string[];
}

function kubectlCall(cmd: SimpleCommand): KubectlCall | null {
  if (asksForHelp(cmd.args)) return null;
  const s = scanArgs(cmd.args, KUBECTL_SPEC);
  const verb = s.positionals[0];
  if (verb === undefined) return null;
  // --dry-run / --dry-run=client|server only print; --dry-run=none is a real run.
  if (hasLong(s, 'dry-run') && s.values.get('dry-run') !== 'none') return null;
  return { verb, s, operands: s.positionals.slice(1) };
}

const POD_KINDS: ReadonlySet<string> = new Set(['pod', 'pods', 'po']);

function isPodKind(word: string): boolean {
  return POD_KINDS.has(word.toLowerCase());
}

/** `deployments.apps` → `deployments`; `Namespace` → `namespace`. */
function kindOf(word: string): KindInfo | undefined {
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  return DANGEROUS_KINDS.get(dot < 0 ? lower : lower.slice(0, dot));
}

function namespaceOf(s: ScannedArgs): string {
  const ns = s.values.get('n') ?? s.values.get('namespace');
  return ns === undefined ? '' : ` in namespace ${code(ns)}`;
}

const SEVERITY_ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** One finding per command (the engine keeps one per rule): summaries joined, the highest severity. */
function mergeHits(hits: readonly RuleHit[]): RuleHit | null {
  if (hits.length <= 1) return hits[0] ?? null;
  let severity: Severity = 'low';
  for (const h of hits) if (SEVERITY_ORDER.indexOf(h.severity ?? 'medium') > SEVERITY_ORDER.indexOf(severity)) severity = h.severity ?? 'medium';
  const targets = [...new Set(hits.map((h) => h.target ?? ''))].filter((t) => t !== '');
  return { summary: hits.map((h) => h.summary).join('; '), target: targets.join(' '), severity };
}

const kubectlDelete: Rule = {
  id: 'kubernetes.delete',
  category: 'kubernetes',
  severity: 'high',
  commands: KUBECTL,
  summary: 'deletes Kubernetes resources that hold state or run workloads',
  rationale:
    'Deleting a namespace, a volume claim or volume, a StatefulSet, a Deployment or a CRD removes data or takes a service ' +
    'down; `--all`, `-A`, selectors and `-f` manifests delete more than their text shows. One named pod is recreated and runs.',
  match(cmd) {
    const k = kubectlCall(cmd);
    if (k === null || k.verb !== 'delete') return null;
    const { s } = k;
    const where = namespaceOf(s);
    // -A/--all-namespaces: every namespace of the cluster.
    const everyNamespace = hasShort(s, 'A') || hasLong(s, 'all-namespaces');
    // --all: every resource of the kinds named.
    const all = hasLong(s, 'all');
    // -l/--selector, --field-selector: as many resources as match.
    const selector = s.values.get('l') ?? s.values.get('selector') ?? s.values.get('field-selector');
    // -f/--filename, -k/--kustomize: whatever the manifests (or a whole folder of them) define.
    const file = s.values.get('f') ?? s.values.get('filename') ?? s.values.get('k') ?? s.values.get('kustomize');

    const hits: RuleHit[] = [];
    // Operands: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME …`.
    const slashForm = k.operands.length > 0 && k.operands[0].includes('/');
    const kinds = slashForm ? [] : (k.operands[0] ?? '').split(',');
    const names = slashForm ? [] : k.operands.slice(1);
    const scope = everyNamespace ? ' in every namespace' : where;
    for (const kind of kinds) {
      const info = kindOf(kind);
      if (info === undefined) continue;
      const which = all || names.length === 0 ? `every ${info.label}` : `the ${info.label} ${names.map(code).join(', ')}`;
      hits.push({ summary: `deletes ${which}${scope}${info.consequence.startsWith(',') ? '' : ' '}${info.consequence}`, target: names.join(' ') || kind, severity: info.severity });
    }
    if (slashForm) {
      for (const op of k.operands) {
        const slash = op.indexOf('/');
        const info = slash > 0 ? kindOf(op.slice(0, slash)) : undefined;
        if (info !== undefined) hits.push({ summary: `deletes the ${info.label} ${code(op.slice(slash + 1))}${scope}${info.consequence.startsWith(',') ? '' : ' '}${info.consequence}`, target: op, severity: info.severity });
      }
    }
    if (hits.length === 0) {
      const kindWords = kinds.filter((x) => x !== '').join(',') || 'resources';
      if (all || everyNamespace) {
        hits.push({ summary: `deletes every resource of kind ${code(kindWords)}${scope}`, target: kindWords, severity: 'high' });
      } else if (selector !== undefined && !kinds.every(isPodKind)) {
        // Pods matched by a selector are recreated by their controllers (the usual restart): that runs.
        hits.push({ summary: `deletes every resource of kind ${code(kindWords)} matching ${code(selector)}${scope}`, target: selector, severity: 'medium' });
      } else if (file !== undefined) {
        hits.push({ summary: `deletes everything defined in ${code(file)}${where}`, target: file, severity: 'medium' });
      } else if (viaXargs(cmd) && k.operands.some((_, i) => cmd.dynamic[s.positionalIndexes[i + 1]] === true)) {
        // `kubectl get … -o name | xargs kubectl delete`: as many resources as the listing prints, of any kind.
        const from = cmd.pipeFrom?.text ?? 'its input';
        hits.push({ summary: `deletes every resource listed by ${code(from)}${scope} (the names cannot be checked)`, target: from, severity: 'high' });
      }
    } else if (all || everyNamespace) {
      for (const h of hits) h.severity = SEVERITY_ORDER[Math.min(3, SEVERITY_ORDER.indexOf(h.severity ?? 'medium') + 1)];
    }
    return mergeHits(hits);
  },
};

const kubectlDrain: Rule = {
  id: 'kubernetes.drain',
  category: 'kubernetes',
  severity: 'medium',
  commands: KUBECTL,
  summary: 'evicts every pod from a node',
  rationale: '`kubectl drain` evicts all pods (and with --delete-emptydir-data deletes their scratch data); services without spare replicas go down.',
  match(cmd) {
    const k = kubectlCall(cmd);
    if (k === null || k.verb !== 'drain') return null;
    const node = k.operands[0] ?? '?';
    const scratch = hasLong(k.s, 'delete-emptydir-data', 'delete-local-data') ? ' and deletes their emptyDir data' : '';
    return { summary: `evicts every pod from the node ${code(node)}${scratch}`, target: node };
  },
};

const HELM_SPEC: ArgSpec = {
  shortWithValue: 'n',
  longWithValue: new Set(['kube-context', 'namespace', 'kubeconfig', 'timeout', 'description', 'cascade', 'kube-apiserver', 'kube-token', 'kube-as-user', 'registry-config', 'repository-config', 'repository-cache']),
};
const HELM_UNINSTALL: ReadonlySet<string> = new Set(['uninstall', 'delete', 'del', 'un']);

const helmUninstall: Rule = {
  id: 'kubernetes.helm-uninstall',
  category: 'kubernetes',
  severity: 'high',
  commands: ['helm'],
  summary: 'uninstalls a Helm release and deletes its resources',
  rationale: '`helm uninstall` deletes every resource of the release (Services, StatefulSets, sometimes their volume claims).',
  match(cmd) {
    if (asksForHelp(cmd.args)) return null;
    const s = scanArgs(cmd.args, HELM_SPEC);
    if (!HELM_UNINSTALL.has(s.positionals[0] ?? '')) return null;
    // --dry-run: simulates the uninstall.
    if (hasLong(s, 'dry-run')) return null;
    const releases = s.positionals.slice(1);
    return {
      summary: `uninstalls the Helm release${releases.length > 1 ? 's' : ''} ${releases.map(code).join(', ') || '?'}${namespaceOf(s)} and deletes its resources`,
      target: releases.join(' ') || '?',
    };
  },
};

export const KUBERNETES_RULES: RulePack = {
  name: 'kubernetes',
  rules: [kubectlDelete, kubectlDrain, helmUninstall],
};
