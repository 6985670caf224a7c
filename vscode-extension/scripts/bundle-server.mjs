// Copies FlowLint server builds into server/ so that `npm run package` puts them in the .vsix:
//   ../artifacts/aot/<rid>/flowlint[.exe]   NativeAOT binaries from build/publish-aot.sh -> server/<rid>/
//   ../artifacts/server-dll/                a framework-dependent publish (runs with dotnet) -> server/dll/
// Other locations: node scripts/bundle-server.mjs [--aot DIR] [--dll DIR]. Missing builds are skipped:
// an extension without a bundled server uses flowlint.path or flowlint on PATH.
import { chmodSync, cpSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
};
const aotRoot = option("--aot", resolve("..", "artifacts", "aot"));
const dllRoot = option("--dll", resolve("..", "artifacts", "server-dll"));
const target = resolve("server");

rmSync(target, { recursive: true, force: true });
let bundled = 0;

if (existsSync(aotRoot)) {
  for (const rid of readdirSync(aotRoot)) {
    for (const exe of ["flowlint", "flowlint.exe"]) {
      const source = join(aotRoot, rid, exe);
      if (existsSync(source) && statSync(source).isFile()) {
        cpSync(source, join(target, rid, exe));
        chmodSync(join(target, rid, exe), 0o755);
        console.log(`bundle-server: ${rid}/${exe} (${(statSync(source).size / 1048576).toFixed(1)} MB)`);
        bundled++;
      }
    }
  }
}

if (existsSync(join(dllRoot, "flowlint.dll"))) {
  // Only what `dotnet flowlint.dll` loads: assemblies, the runtime config and the deps file.
  cpSync(dllRoot, join(target, "dll"), {
    recursive: true,
    filter: (source) => statSync(source).isDirectory() || /\.(dll|json)$/.test(source),
  });
  console.log(`bundle-server: dll/ (framework-dependent, from ${dllRoot})`);
  bundled++;
}

if (bundled === 0) {
  console.log("bundle-server: no server build found; the .vsix will use flowlint.path or flowlint on PATH");
}
