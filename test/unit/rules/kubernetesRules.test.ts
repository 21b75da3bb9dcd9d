import assert from 'node:assert/strict';
import { KUBERNETES_RULES } from '../../../src/engine/rules/kubernetesRules';
import { decisionOf, findingsOf } from '../helpers';
import { describeRows } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['kubernetes.delete', 'kubectl delete namespace staging', 'staging', 'kubectl get namespace staging'],
  ['kubernetes.delete', 'kubectl delete ns staging', 'staging', 'kubectl delete ns staging --dry-run=client'],
  ['kubernetes.delete', 'kubectl delete pvc data-pg-0 -n db', 'data-pg-0', 'kubectl describe pvc data-pg-0 -n db'],
  ['kubernetes.delete', 'kubectl delete pv pv-1', 'pv-1', 'kubectl delete pod pv-1'],
  ['kubernetes.delete', 'kubectl delete statefulset postgres', 'postgres', 'kubectl rollout restart statefulset postgres'],
  ['kubernetes.delete', 'kubectl delete sts/redis', 'sts/redis', 'kubectl delete pod/redis-0'],
  ['kubernetes.delete', 'kubectl delete deployment api', 'api', 'kubectl scale deployment api --replicas=2'],
  ['kubernetes.delete', 'kubectl delete deployments.apps worker', 'worker', 'kubectl delete job worker'],
  ['kubernetes.delete', 'kubectl delete crd certificates.cert-manager.io', 'certificates.cert-manager.io', 'kubectl get crd'],
  ['kubernetes.delete', 'kubectl delete -f k8s/', 'k8s/', 'kubectl apply -f k8s/'],
  ['kubernetes.delete', 'kubectl delete -k overlays/prod', 'overlays/prod', 'kubectl delete -k overlays/prod --dry-run=server'],
  ['kubernetes.delete', 'kubectl delete pods --all', 'pods', 'kubectl delete pod web-1'],
  ['kubernetes.delete', 'kubectl delete pod x -A', 'pod', 'kubectl get pods -A'],
  ['kubernetes.delete', 'kubectl delete svc,configmap -l app=web', 'app=web', 'kubectl delete pods -l app=web'],
  ['kubernetes.delete', 'kubectl delete ns foo --dry-run=none', 'foo', 'kubectl delete ns foo --help'],
  ['kubernetes.delete', 'oc delete project legacy', 'legacy', 'oc get project legacy'],
  ['kubernetes.drain', 'kubectl drain node-1 --ignore-daemonsets', 'node-1', 'kubectl cordon node-1'],
  ['kubernetes.drain', 'kubectl drain node-2 --delete-emptydir-data', 'node-2', 'kubectl drain node-2 --dry-run=client'],
  ['kubernetes.helm-uninstall', 'helm uninstall shop -n prod', 'shop', 'helm list -n prod'],
  ['kubernetes.helm-uninstall', 'helm delete legacy', 'legacy', 'helm uninstall legacy --dry-run'],
  ['kubernetes.helm-uninstall', 'helm --kube-context prod un shop', 'shop', 'helm upgrade --install shop ./chart'],
];

describe('kubernetes rules', () => {
  describeRows(KUBERNETES_RULES, ROWS);

  it('rates a namespace delete above a Deployment delete, and --all above both', () => {
    const sev = (c: string) => findingsOf(c).find((f) => f.rule === 'kubernetes.delete')?.severity;
    assert.equal(sev('kubectl delete deployment api -n dev'), 'medium');
    assert.equal(sev('kubectl delete ns dev1'), 'high');
    assert.equal(sev('kubectl delete ns --all'), 'critical');
  });

  it('reports each dangerous kind of a comma list', () => {
    const found = findingsOf('kubectl delete sts,pvc pg -n db').filter((f) => f.rule === 'kubernetes.delete');
    assert.equal(found.length, 1);
    assert.match(found[0].summary, /StatefulSet `pg`.*volume claim `pg`/);
    assert.equal(found[0].severity, 'high');
  });

  for (const command of ['echo "kubectl delete ns prod"', 'grep -rn "kubectl delete" docs/', 'kubectl delete --help']) {
    it(`runs \`${command}\``, () => assert.equal(decisionOf(command), 'allow'));
  }
  for (const command of ["ssh bastion 'kubectl delete ns staging'", 'sudo kubectl delete pvc --all', '/usr/local/bin/kubectl delete ns x']) {
    it(`sees through \`${command}\``, () => assert.notEqual(decisionOf(command), 'allow'));
  }
});
