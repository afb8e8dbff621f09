/**
 * npm run emulator: start the Graph emulator.
 *   GRAPH_EMULATOR_PORT      default 4001
 *   GRAPH_EMULATOR_SCENARIO  default emulator/scenarios/demo.json
 */

import path from 'node:path';
import { DEFAULT_SCENARIO, ScenarioError, startEmulator } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.GRAPH_EMULATOR_PORT ?? 4001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`GRAPH_EMULATOR_PORT is not a port: ${process.env.GRAPH_EMULATOR_PORT}`);
  const scenario = path.resolve(process.env.GRAPH_EMULATOR_SCENARIO ?? DEFAULT_SCENARIO);
  const emu = await startEmulator({ port, host: '127.0.0.1', scenario });
  const info = (await (await fetch(`${emu.url}/_emulator/scenario`)).json()) as { name: string; resolved: { personas: Record<string, { userPrincipalName: string }> } };
  console.log(`Graph emulator listening on ${emu.url}`);
  console.log(`  Graph base URL  ${emu.graphBaseUrl}`);
  console.log(`  Scenario        ${info.name} (${path.relative(process.cwd(), scenario) || scenario})`);
  for (const [role, u] of Object.entries(info.resolved.personas)) console.log(`  ${role.padEnd(15)} ${u.userPrincipalName}`);
  console.log(`  Token           curl -s -X POST ${emu.url}/_emulator/token -H 'Content-Type: application/json' -d '{"user":"<upn>"}'`);
  const stop = (): void => {
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ScenarioError ? e.message : e);
  process.exit(1);
});
