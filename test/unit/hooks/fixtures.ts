// Loads the hook payload fixtures (test/fixtures/hooks), each written from its host's documented fields.
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURE_DIR = path.join(__dirname, '..', '..', 'fixtures', 'hooks');

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name));
}
