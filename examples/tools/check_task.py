"""Evaluates an example task outside Ratchet, the way Ratchet's two sandboxes lay it out (not part of any task).

Reads the task's ratchet.toml; builds a C# program with Ratchet's CSharpBuilder (examples/tools/csharp-build)
when [build] kind = "csharp"; then, for the visible inputs and again for the sealed holdout, runs the [run]
command in a fresh folder holding only the program files (or build output) and the run inputs, with a
scrubbed environment (PATH=/usr/bin:/bin, HOME=/tmp, RATCHET_OUT, RATCHET_SEED, DOTNET_EnableDiagnostics=0),
measures it (tools/measure.py), and runs the [score] command in another folder holding only the score inputs,
with RATCHET_RUN_OUT and RATCHET_RESOURCES. Prints the scorer's last line for each. No isolation: this is a
check of the task's files, not a sandbox.
Usage: python3 check_task.py TASK_FOLDER [--program FILE] [--seed N] [--visible-only]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib

TOOLS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(TOOLS))
PATH = "/usr/bin:/bin"


def option(name, default=None):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def stage(folder, files):
    """files: relative path -> host path."""
    for rel, host in files.items():
        target = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(host, target)


def build_csharp(task, sources, into):
    project = os.path.join(TOOLS, "csharp-build")
    subprocess.run(["dotnet", "build", project, "-c", "Release", "-v", "q", "-nologo"], check=True,
                   stdout=subprocess.DEVNULL)
    tool = os.path.join(project, "bin", "Release", "net10.0", "csharp-build.dll")
    done = subprocess.run(["dotnet", tool, "--out", into] + sources, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("build failed:\n" + done.stderr)
    print("build:", done.stderr.strip().splitlines()[-1])
    return {name: os.path.join(into, name) for name in os.listdir(into)}


def evaluate(label, spec, task, program, run_inputs, score_inputs, seed):
    with tempfile.TemporaryDirectory(prefix=f"check-{spec['name']}-") as tmp:
        run, out, score = (os.path.join(tmp, d) for d in ("run", "out", "score"))
        for d in (run, out, score):
            os.makedirs(d)
        stage(run, {**program, **run_inputs})
        resources = os.path.join(tmp, "resources.json")
        env = {"PATH": PATH, "HOME": "/tmp", "RATCHET_OUT": out, "RATCHET_SEED": seed,
               "DOTNET_EnableDiagnostics": "0", "DOTNET_gcServer": "0"}
        done = subprocess.run([sys.executable, os.path.join(TOOLS, "measure.py"), resources, "--"]
                              + spec["run"]["command"], cwd=run, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{label}: the run failed (exit {done.returncode}): {done.stderr.strip()[-400:]}")
            return
        stage(score, score_inputs)
        env = {"PATH": PATH, "HOME": "/tmp", "RATCHET_RUN_OUT": out, "RATCHET_RESOURCES": resources}
        done = subprocess.run(spec["score"]["command"], cwd=score, env=env, capture_output=True, text=True)
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else f"(no output; stderr: {done.stderr[-400:]})"
        with open(resources) as f:
            measured = json.load(f)
        print(f"{label}: {last}   [run: {measured['cpu_seconds']:.2f} s CPU, {measured['wall_seconds']:.2f} s wall]")


def main():
    task = os.path.abspath(sys.argv[1])
    with open(os.path.join(task, "ratchet.toml"), "rb") as f:
        spec = tomllib.load(f)
    files = {rel: os.path.join(task, rel) for rel in spec["program"]["files"]}
    if option("--program"):
        (only,) = spec["program"]["files"]
        files = {only: os.path.abspath(option("--program"))}
    with tempfile.TemporaryDirectory(prefix="check-build-") as build:
        if spec.get("build", {}).get("kind") == "csharp":
            program = build_csharp(task, list(files.values()), build)
        else:
            program = files
        seed = option("--seed", "0")
        run_inputs = {rel: os.path.join(task, rel) for rel in spec["run"].get("inputs", [])}
        score_inputs = {rel: os.path.join(task, rel) for rel in spec["score"].get("inputs", [])}
        evaluate("visible", spec, task, program, run_inputs, score_inputs, seed)
        holdout = spec.get("holdout")
        if holdout and "--visible-only" not in sys.argv:
            sealed_run = {**run_inputs, **{k: os.path.join(task, v) for k, v in holdout.get("inputs", {}).items()}}
            sealed_score = {**score_inputs, **{k: os.path.join(task, v) for k, v in holdout.get("score_inputs", {}).items()}}
            evaluate("holdout", spec, task, program, sealed_run, sealed_score, seed)


main()
