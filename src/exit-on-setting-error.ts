// Entry points (the Playwright config, the CLI) turn a bad setting into one line on stderr and
// exit code 2 before any traffic, instead of a stack trace from deep inside the config loader.
import { SettingError } from './setting-parse';

/** Exit code for a configuration mistake: nothing ran. */
export const EXIT_BAD_SETTING = 2;

export function exitOnSettingError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    process.stderr.write(`theory-load: ${error.message}\n`);
    process.exit(EXIT_BAD_SETTING);
  }
}
