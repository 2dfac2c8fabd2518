// Entry points (the Playwright config, the CLI) turn a bad setting into one line on stderr and
// exit code 4 before any traffic, instead of a stack trace from deep inside the config loader.
import { EXIT_BAD_SETTING } from './judge/exit-codes';
import { SettingError } from './setting-parse';

export function exitOnSettingError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    process.stderr.write(`theory-load: ${error.message}\n`);
    process.exit(EXIT_BAD_SETTING);
  }
}
