#!/usr/bin/env node
// What a release publishes, checked before anything is published (the release workflow's last
// job). Counters follow the update feed's channel files (latest.yml, beta.yml and their -mac
// twins); a channel file that names an installer the feed does not have, or a version other
// than the tag's, would send every counter of a chain after a file that is not there.
//
//   node scripts/release-plan.mjs check TAG DIR       problems, one a line; exit 1 if any
//   node scripts/release-plan.mjs prerelease TAG      "true" for v1.3.0-beta.1, else "false"
//   node scripts/release-plan.mjs attach TAG DIR      files for the GitHub release
//   node scripts/release-plan.mjs feed TAG DIR        files for the feed, installers first
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TAG = /^v(\d+\.\d+\.\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;
const INSTALLER = /^alipay-counter-.+\.(exe|dmg|zip)(\.blockmap)?$/;
const CHANNEL_FILE = /^(latest|beta|alpha)(-mac)?\.yml$/;

/** The tag's version and whether it is a pre-release (pilot stores: `-beta.N` only). */
export function readTag(tag) {
  const match = TAG.exec(tag);
  if (!match) return { problem: `${tag} is not a version tag (v1.2.0, or v1.3.0-beta.1)` };
  const prerelease = match[2];
  if (prerelease !== undefined && !/^beta(\.\d+)?$/.test(prerelease))
    return {
      problem: `${tag}: pre-releases are -beta.N (pilot stores follow beta.yml; -${prerelease} reaches nobody)`,
    };
  return { version: match[1] + (prerelease ? `-${prerelease}` : ''), prerelease: !!prerelease };
}

/** The installers and update files among `names`, everything else left out. */
export function releaseFiles(names) {
  return {
    installers: names.filter((name) => INSTALLER.test(name)).sort(),
    channels: names.filter((name) => CHANNEL_FILE.test(name)).sort(),
  };
}

/** The version and the files a channel file names (`version:`, `url:` and `path:` lines). */
export function readChannelFile(text) {
  const version = /^version:\s*'?([^'\s]+)'?\s*$/m.exec(text)?.[1];
  const files = [...text.matchAll(/^\s*(?:-\s+)?(?:url|path):\s*'?([^'\s]+)'?\s*$/gm)].map((m) =>
    decodeURIComponent(m[1]),
  );
  return { version, files: [...new Set(files)] };
}

/**
 * What is wrong with publishing `files` ({name, text} with the text of channel files) for
 * `tag`: the channels a tag must carry, versions, and every file a channel names present.
 */
export function releaseProblems(tag, files) {
  const read = readTag(tag);
  if (read.problem) return [read.problem];
  const names = files.map((file) => file.name);
  const { installers, channels } = releaseFiles(names);
  const problems = [];
  const expected = read.prerelease
    ? ['beta.yml', 'beta-mac.yml']
    : ['latest.yml', 'latest-mac.yml', 'beta.yml', 'beta-mac.yml'];
  for (const name of expected)
    if (!channels.includes(name))
      problems.push(`${name} is missing (Windows and macOS both build)`);
  if (read.prerelease)
    for (const name of channels.filter((c) => c.startsWith('latest')))
      problems.push(`${name} in a pre-release would move every stable store to ${read.version}`);
  for (const name of channels) {
    const channel = readChannelFile(files.find((file) => file.name === name)?.text ?? '');
    if (channel.version !== read.version)
      problems.push(
        `${name} is for version ${channel.version ?? '(none)'}, the tag for ${read.version}`,
      );
    for (const named of channel.files)
      if (!installers.includes(named))
        problems.push(`${name} names ${named}, which is not in the release`);
  }
  if (!installers.some((name) => name.endsWith('.exe')))
    problems.push('no Windows installer (.exe)');
  if (!installers.some((name) => name.endsWith('.zip'))) problems.push('no macOS update (.zip)');
  return problems;
}

/** The order files go to the feed: installers and blockmaps, then the channel files. */
export function feedOrder(names) {
  const { installers, channels } = releaseFiles(names);
  return [...installers, ...channels];
}

function filesIn(dir) {
  return readdirSync(dir).map((name) => ({
    name,
    text: CHANNEL_FILE.test(name) ? readFileSync(join(dir, name), 'utf8') : undefined,
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, tag, dir] = process.argv.slice(2);
  const say = (lines) => lines.forEach((line) => console.log(line));
  if (command === 'prerelease' && tag) {
    const read = readTag(tag);
    if (read.problem) {
      console.error(read.problem);
      process.exit(1);
    }
    console.log(String(read.prerelease));
  } else if (command === 'check' && tag && dir) {
    const problems = releaseProblems(tag, filesIn(dir));
    problems.forEach((problem) => console.error(`release: ${problem}`));
    if (problems.length > 0) process.exit(1);
    console.log(`release: ${tag} is complete`);
  } else if ((command === 'attach' || command === 'feed') && tag && dir) {
    say(feedOrder(readdirSync(dir)).map((name) => join(dir, name)));
  } else {
    console.error('usage: node scripts/release-plan.mjs check|prerelease|attach|feed TAG [DIR]');
    process.exit(2);
  }
}
