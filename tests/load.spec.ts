// The load scenario users run: N virtual users spread over G tests, one per Playwright worker,
// so that `--shard=i/n` splits the users and all of a shard's groups run at the same time.
import { test } from '../fixtures/load';
import { USERS_ANNOTATION, groupTestTimeoutMs } from '../src/run-plan';
import { planGroups } from '../src/schedule';
import { readSettings } from '../src/settings';

const settings = readSettings(process.env);

test.describe.configure({ mode: 'parallel', retries: 0 });

for (const group of planGroups(settings.users, settings.groups)) {
  const title = `group ${group.group + 1} of ${settings.groups}: ${group.users.length} users`;
  const annotation = { type: USERS_ANNOTATION, description: group.users.join(',') };

  test(title, { annotation }, async ({ loadGroup, loadSettings }) => {
    test.setTimeout(groupTestTimeoutMs(loadSettings, Date.now()));
    await loadGroup.run(group);
  });
}
