#!/usr/bin/env node
// Static checks of the images' Dockerfiles (no Docker engine needed), as scripts/validate-k8s.sh runs them:
//   node deploy/k8s/validate/dockerfiles.mjs                       every deploy/docker/<service>.Dockerfile
//   node deploy/k8s/validate/dockerfiles.mjs path/projects.Dockerfile   one file, for the service its name gives
// For each: the final stage is a .NET runtime image (no SDK), runs as a numeric non-root USER equal to the
// manifests' runAsUser, starts the service's own entry assembly (ENTRYPOINT ["dotnet", "<AssemblyName>.dll"]),
// copies the published output from a build stage that publishes the service's project and has every input of the
// build (the referenced projects, protos/, the root build files); base images carry a tag; the gRPC port is exposed.
// Prints "[docker] file: message" per finding and exits 1 when there is any.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const args = process.argv.slice(2);
const all = args.length === 0;
const files = all
  ? readdirSync(path.join(root, "deploy/docker")).filter((f) => f.endsWith(".Dockerfile")).map((f) => path.join(root, "deploy/docker", f))
  : args.map((f) => path.resolve(f));
const findings = [];
const report = (file, message) => findings.push(`[docker] ${path.relative(root, file)}: ${message}`);

if (all) {
  const services = readdirSync(path.join(root, "services")).filter((s) => existsSync(path.join(root, "services", s, "Program.cs")));
  for (const s of services) {
    if (!existsSync(path.join(root, "deploy/docker", `${s}.Dockerfile`))) report(path.join(root, "deploy/docker"), `service ${s} has no ${s}.Dockerfile`);
  }
  checkDockerignore();
}
for (const file of files) checkDockerfile(file);

for (const f of findings) console.log(f);
console.log(`${files.length} Dockerfile(s): ${findings.length === 0 ? "valid" : `${findings.length} finding(s)`}`);
process.exit(findings.length === 0 ? 0 : 1);

function checkDockerfile(file) {
  const service = path.basename(file).replace(/\.Dockerfile$/, "");
  const project = serviceProject(service);
  if (!project) {
    report(file, `no project services/${service}/*.csproj for a file named ${path.basename(file)}`);
    return;
  }
  const stages = parseDockerfile(readFileSync(file, "utf8"));
  if (stages.length < 2) report(file, "expected a multi-stage build (a build stage and a runtime stage)");
  const final = stages.at(-1);
  if (!final) return;

  for (const s of stages) {
    if (!stages.some((o) => o.name === s.from) && !/:[\w.-]+$|@sha256:/.test(s.from)) report(file, `base image ${s.from} has no tag`);
    if (/:latest$/.test(s.from)) report(file, `base image ${s.from} uses the floating tag "latest"`);
  }
  const base = baseImage(stages, final);
  if (/dotnet\/sdk/.test(base)) report(file, `the final stage is built on the SDK (${base}); it must hold the runtime only`);
  else if (!/dotnet\/(aspnet|runtime|runtime-deps)(:|@)/.test(base)) report(file, `the final stage's base ${base} is not a .NET runtime image`);

  const users = final.instructions.filter((i) => i.op === "USER").map((i) => i.args.trim());
  const user = users.at(-1);
  const uid = user && /^(\d+)(:\d+)?$/.exec(user)?.[1];
  if (!uid) report(file, `the final stage must name a numeric USER, has ${user ?? "none"}`);
  else if (Number(uid) === 0) report(file, "the final stage runs as root (USER 0)");
  else {
    const runAsUser = manifestRunAsUser(service);
    if (runAsUser !== undefined && runAsUser !== Number(uid)) report(file, `USER ${uid} differs from runAsUser ${runAsUser} in deploy/k8s/base/${service}.yaml`);
  }

  const entry = final.instructions.filter((i) => i.op === "ENTRYPOINT").at(-1);
  let argv;
  try {
    argv = entry && JSON.parse(entry.args);
  } catch {
    argv = undefined;
  }
  const expected = `${project.assembly}.dll`;
  if (!Array.isArray(argv)) report(file, `ENTRYPOINT must be the exec form ["dotnet", "${expected}"]`);
  else if (argv[0] !== "dotnet" || argv[1] !== expected) report(file, `ENTRYPOINT starts ${argv.join(" ")}, not dotnet ${expected}`);

  const copies = final.instructions.filter((i) => i.op === "COPY" && /--from=/.test(i.args));
  const from = copies.map((c) => /--from=(\S+)/.exec(c.args)[1]);
  const buildStage = stages.find((s) => from.includes(s.name));
  if (!buildStage) {
    report(file, "the final stage copies nothing from a build stage");
    return;
  }
  const runs = buildStage.instructions.filter((i) => i.op === "RUN").map((i) => i.args);
  if (!runs.some((r) => /dotnet publish/.test(r) && r.includes(project.path))) report(file, `the build stage does not publish ${project.path}`);
  const sources = buildStage.instructions.filter((i) => i.op === "COPY" && !/--from=/.test(i.args))
    .flatMap((i) => i.args.split(/\s+/).filter((a) => !a.startsWith("--")).slice(0, -1)).map((s) => s.replace(/\/$/, ""));
  for (const needed of buildInputs(project)) {
    if (!sources.some((s) => s === needed || needed.startsWith(`${s}/`))) report(file, `the build stage does not copy ${needed}, which the build needs`);
  }
  const port = grpcPort(service);
  const exposed = final.instructions.filter((i) => i.op === "EXPOSE").flatMap((i) => i.args.split(/\s+/)).map((p) => Number(p.split("/")[0]));
  if (port && !exposed.includes(port)) report(file, `the gRPC port ${port} (services/${service}/appsettings.json) is not exposed`);
}

/** Stages: {name, from, instructions: [{op, args}]}, continuation lines joined, comments dropped. */
function parseDockerfile(text) {
  const lines = text.split("\n");
  const instructions = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!current && (line === "" || line.startsWith("#"))) continue;
    if (current && line.startsWith("#")) continue;
    if (line.endsWith("\\")) {
      current += line.slice(0, -1) + " ";
      continue;
    }
    current += line;
    const m = /^(\w+)\s+([\s\S]*)$/.exec(current);
    if (m) instructions.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    current = "";
  }
  const stages = [];
  for (const i of instructions) {
    if (i.op === "FROM") {
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(i.args);
      stages.push({ from: m?.[1] ?? i.args, name: m?.[2], instructions: [] });
    } else if (stages.length) stages.at(-1).instructions.push(i);
  }
  return stages;
}

function baseImage(stages, stage) {
  const parent = stages.find((s) => s.name && s.name === stage.from);
  return parent ? baseImage(stages, parent) : stage.from;
}

/** services/<service>/<X>.csproj: its path and assembly name (AssemblyName, else the file name). */
function serviceProject(service) {
  const dir = path.join(root, "services", service);
  if (!existsSync(dir)) return null;
  const csproj = readdirSync(dir).find((f) => f.endsWith(".csproj"));
  if (!csproj) return null;
  return projectAt(`services/${service}/${csproj}`);
}

function projectAt(relative) {
  const text = readFileSync(path.join(root, relative), "utf8");
  const assembly = /<AssemblyName>([^<]+)<\/AssemblyName>/.exec(text)?.[1] ?? path.basename(relative, ".csproj");
  const references = [...text.matchAll(/<ProjectReference\s+Include="([^"]+)"/g)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(relative), m[1].replace(/\\/g, "/"))));
  return { path: relative, assembly, references, text };
}

/** What the build reads: the root build files, the project's folder and every referenced project's, and protos/. */
function buildInputs(project) {
  const inputs = new Set(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"].filter((f) => existsSync(path.join(root, f))));
  const visit = (p) => {
    inputs.add(path.posix.dirname(p.path));
    if (/\$\(ProtosRoot\)|<Protobuf /.test(p.text)) inputs.add("protos");
    for (const r of p.references) visit(projectAt(r));
  };
  visit(project);
  return inputs;
}

function grpcPort(service) {
  const file = path.join(root, "services", service, "appsettings.json");
  if (!existsSync(file)) return undefined;
  const url = JSON.parse(readFileSync(file, "utf8"))?.Kestrel?.Endpoints?.Grpc?.Url;
  return url ? Number(new URL(url.replace("0.0.0.0", "localhost")).port) : undefined;
}

function manifestRunAsUser(service) {
  const file = path.join(root, "deploy/k8s/base", `${service}.yaml`);
  if (!existsSync(file)) return undefined;
  const deployment = parseAllDocuments(readFileSync(file, "utf8")).map((d) => d.toJS()).find((d) => d?.kind === "Deployment");
  return deployment?.spec?.template?.spec?.securityContext?.runAsUser;
}

function checkDockerignore() {
  const file = path.join(root, ".dockerignore");
  if (!existsSync(file)) {
    report(file, "missing: the build context would carry bin/, obj/, node_modules/ and .git/");
    return;
  }
  const patterns = readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  for (const needed of ["**/bin/", "**/obj/", ".git/"]) {
    if (!patterns.includes(needed)) report(file, `does not exclude ${needed}`);
  }
  for (const input of ["protos/", "services/", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"]) {
    if (patterns.some((p) => p === input || p === input.replace(/\/$/, ""))) report(file, `excludes ${input}, which the build needs`);
  }
}
