import assert from 'node:assert/strict';
import { IAC_RULES } from '../../../src/engine/rules/iacRules';
import { decisionOf } from '../helpers';
import { describeRows, summaryOf } from './ruleRows';
import type { Row } from './ruleRows';

const ROWS: Row[] = [
  ['iac.terraform-destroy', 'terraform destroy', 'all resources', 'terraform plan'],
  ['iac.terraform-destroy', 'terraform destroy -auto-approve', 'all resources', 'terraform apply -auto-approve'],
  ['iac.terraform-destroy', 'terraform -chdir=infra destroy -target=aws_db_instance.main', 'aws_db_instance.main', 'terraform -chdir=infra apply'],
  ['iac.terraform-destroy', 'terraform apply -destroy', 'all resources', 'terraform plan -destroy'],
  ['iac.terraform-destroy', 'terraform apply -replace=aws_db_instance.main', 'aws_db_instance.main', 'terraform apply tfplan'],
  ['iac.terraform-destroy', 'tofu destroy', 'all resources', 'tofu plan'],
  ['iac.terraform-destroy', 'terragrunt run-all destroy', 'all resources', 'terragrunt run-all plan'],
  ['iac.terraform-destroy', 'terragrunt run --all destroy', 'all resources', 'terragrunt run --all apply'],
  ['iac.terraform-state-rm', 'terraform state rm aws_db_instance.main', 'aws_db_instance.main', 'terraform state show aws_db_instance.main'],
  ['iac.terraform-state-rm', 'terraform workspace delete staging', 'staging', 'terraform workspace select staging'],
  ['iac.terraform-state-rm', 'terraform state push -force old.tfstate', 'old.tfstate', 'terraform state pull'],
  ['iac.pulumi-destroy', 'pulumi destroy --yes -s prod', 'prod', 'pulumi up --yes -s prod'],
  ['iac.pulumi-destroy', 'pulumi down -y', 'current stack', 'pulumi destroy --preview-only'],
  ['iac.pulumi-destroy', 'pulumi stack rm dev --force', 'dev', 'pulumi stack ls'],
  ['iac.pulumi-destroy', 'pulumi state delete urn:pulumi:dev::app::aws:s3/bucket:Bucket::b', 'urn:pulumi:dev::app::aws:s3/bucket:Bucket::b', 'pulumi state unprotect urn:x'],
  ['iac.cdk-destroy', 'cdk destroy --all --force', 'stack', 'cdk deploy --all'],
  ['iac.cdk-destroy', 'npx cdk destroy ApiStack', 'ApiStack', 'npx cdk diff ApiStack'],
  ['iac.cdk-destroy', 'cdktf destroy --auto-approve', 'stack', 'cdktf deploy --auto-approve'],
  ['iac.cdk-destroy', 'serverless remove --stage prod', 'prod', 'serverless deploy --stage prod'],
  ['iac.cdk-destroy', 'amplify env remove dev', 'dev', 'amplify env list'],
  ['iac.cdk-destroy', 'amplify delete', 'stack', 'amplify push'],
];

describe('iac rules', () => {
  describeRows(IAC_RULES, ROWS);

  it('names the command and the scope for a person', () => {
    assert.equal(summaryOf('terraform destroy', 'iac.terraform-destroy'), 'destroys every resource in this configuration (`terraform destroy`)');
    assert.match(summaryOf('terraform apply -destroy', 'iac.terraform-destroy'), /`terraform apply -destroy`/);
  });

  for (const command of ['terraform destroy -help', 'terraform destroy --help', 'grep -r "terraform destroy" docs/', 'git commit -m "terraform destroy the sandbox"']) {
    it(`runs \`${command}\``, () => assert.equal(decisionOf(command), 'allow'));
  }
  for (const command of ['/usr/local/bin/terraform destroy', "bash -c 'cd infra && terraform destroy -auto-approve'", 'TF_WORKSPACE=prod terraform destroy', "ssh ops 'pulumi destroy -y'"]) {
    it(`sees through \`${command}\``, () => assert.notEqual(decisionOf(command), 'allow'));
  }
});
