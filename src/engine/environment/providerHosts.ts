// Known providers' API and service hosts, named the way a person knows them: a call to
// `backboard.railway.app` is to the "Railway API", not to an environment called by its host name.
// Which of the provider's environments (production, staging) is meant is a separate question the
// host cannot answer. Suffix match on dot boundaries; table order is irrelevant (suffixes are disjoint).
const PROVIDER_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['backboard.railway.app', 'Railway API'],
  ['railway.app', 'Railway'],
  ['api.github.com', 'GitHub API'],
  ['github.com', 'GitHub'],
  ['gitlab.com', 'GitLab'],
  ['api.bitbucket.org', 'Bitbucket API'],
  ['amazonaws.com', 'AWS'],
  ['supabase.co', 'Supabase'],
  ['supabase.com', 'Supabase'],
  ['api.vercel.com', 'Vercel API'],
  ['api.netlify.com', 'Netlify API'],
  ['api.heroku.com', 'Heroku API'],
  ['api.fly.io', 'Fly.io API'],
  ['api.machines.dev', 'Fly.io Machines API'],
  ['api.render.com', 'Render API'],
  ['api.digitalocean.com', 'DigitalOcean API'],
  ['api.cloudflare.com', 'Cloudflare API'],
  ['googleapis.com', 'Google Cloud'],
  ['management.azure.com', 'Azure'],
  ['database.windows.net', 'Azure SQL'],
  ['neon.tech', 'Neon'],
  ['planetscale.com', 'PlanetScale'],
  ['psdb.cloud', 'PlanetScale'],
  ['mongodb.net', 'MongoDB Atlas'],
  ['upstash.io', 'Upstash'],
  ['api.stripe.com', 'Stripe API'],
  ['api.linear.app', 'Linear API'],
  ['slack.com', 'Slack'],
  ['api.openai.com', 'OpenAI API'],
  ['api.anthropic.com', 'Anthropic API'],
  ['firebaseio.com', 'Firebase'],
  ['api.pinecone.io', 'Pinecone API'],
];

/** "Railway API" for `backboard.railway.app`; undefined for a host no provider is known for. */
export function providerOfHost(host: string): string | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const [suffix, name] of PROVIDER_SUFFIXES) {
    if (h === suffix || h.endsWith(`.${suffix}`)) return name;
  }
  return undefined;
}
