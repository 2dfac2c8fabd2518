// Settings may come from a file as well as the environment. LOAD_ENV_FILE names it (default
// `.env`), so the project's own tests can run the suite without picking up a developer's .env
// and its staging target. Values already in the environment always win.
import dotenv from 'dotenv';

export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const path = env.LOAD_ENV_FILE?.trim() || '.env';
  dotenv.config({ path, quiet: true, processEnv: env });
}
