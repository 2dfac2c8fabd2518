// `npm run simulator`: settings from the environment, checked before anything listens; one line
// with the URL; on SIGINT/SIGTERM a graceful shutdown like the backend's (in-flight tasks end
// failed/CANCELED), then exit 0.

import { startSimulator } from './server';
import { readSimSettings } from './settings';

import type { SimSettings } from './settings';

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  let settings: SimSettings;
  try {
    settings = readSimSettings(env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
    return;
  }

  let simulator;
  try {
    simulator = await startSimulator(settings);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `theory-load simulator could not listen on ${settings.host}:${settings.port}: ${reason}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`theory-load simulator listening on ${simulator.url}`);

  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void simulator.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main(process.env);
