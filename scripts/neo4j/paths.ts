// Where the launcher and the instances live. The launcher is built into .cache/neo4j-launcher/, each
// instance lives in .neo4j/<name>/ (Neo4j data/ and logs/, plus launcher.pid and launcher.log). Both
// folders are git-ignored.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LAUNCHER_SOURCE_DIR = path.join(REPO_ROOT, 'scripts', 'neo4j', 'launcher');
export const LAUNCHER_POM = path.join(LAUNCHER_SOURCE_DIR, 'pom.xml');
export const LAUNCHER_BUILD_DIR = path.join(REPO_ROOT, '.cache', 'neo4j-launcher');
export const LAUNCHER_JAR = path.join(LAUNCHER_BUILD_DIR, 'target', 'neo4j-launcher.jar');
export const LAUNCHER_LIB_DIR = path.join(LAUNCHER_BUILD_DIR, 'lib');
// Written only after a successful build, so an interrupted build is never mistaken for a finished one.
export const LAUNCHER_STAMP = path.join(LAUNCHER_BUILD_DIR, 'build.stamp');
export const LAUNCHER_MAIN_CLASS = 'accountabilitygraph.launcher.Launcher';
const INSTANCES_DIR = path.join(REPO_ROOT, '.neo4j');

export const InstanceNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'instance names are lowercase letters, digits and dashes');

export function instanceDir(name: string): string {
  return path.join(INSTANCES_DIR, InstanceNameSchema.parse(name));
}

export function pidFilePath(name: string): string {
  return path.join(instanceDir(name), 'launcher.pid');
}

export function instanceLogPath(name: string): string {
  return path.join(instanceDir(name), 'launcher.log');
}
