#!/usr/bin/env python3
"""Search benchmark of issue 3 (see bench/RESULTS.md): the built-in proposer against the random-mutation
hill-climbing baseline, same task, same budget, same seeds, runs interleaved (seed by seed, proposers alternating)
so machine noise falls on both alike.

Each run is a real `ratchet run` on a fresh copy of the example (bubblewrap sandbox, SQLite store, the example's
own policy.toml), 2 workers. The champion line (the best promoted score by evaluation) comes from
`ratchet export --jsonl`. Writes a JSON file with every curve, prints a Markdown table of medians, and draws a PNG
with `Ratchet.Bench plot-search` (ScottPlot).

Usage: python3 bench/search/bench_search.py TASK [--seeds 1,2,3,4,5] [--evaluations N] [--workers 2]
                                                  [--proposers builtin,hillclimb] [--out bench/out/search-TASK.json]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.path.join(ROOT, ".build", "cli", "Ratchet.Cli")


def ensure_cli():
    # ./ratchet builds (or rebuilds) the CLI and installs system packages; the runs then call the binary directly.
    subprocess.run([os.path.join(ROOT, "ratchet"), "--version"], check=True, stdout=subprocess.DEVNULL)


def one_run(task, proposer, seed, evaluations, workers, scratch):
    copy = os.path.join(scratch, f"{os.path.basename(task)}-{proposer}-{seed}")
    shutil.copytree(task, copy, ignore=shutil.ignore_patterns(".ratchet"))
    env = dict(os.environ, RATCHET_HOME=os.path.join(scratch, "home"))
    started = time.monotonic()
    run = subprocess.run([CLI, "run", copy, "--proposer", proposer, "--seed", str(seed), "--evaluations", str(evaluations),
                          "--workers", str(workers), "--json"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    wall = time.monotonic() - started
    if run.returncode != 0:
        sys.exit(f"ratchet run failed ({proposer}, seed {seed}, exit {run.returncode}):\n{run.stderr[-2000:]}")
    export = os.path.join(copy, "evaluations.jsonl")
    subprocess.run([CLI, "export", copy, "--jsonl", export], env=env, check=True, stdout=subprocess.DEVNULL)
    rows = [json.loads(line) for line in open(export)]
    rows.sort(key=lambda r: r["seq"])
    summary = json.loads(run.stdout)
    shutil.rmtree(copy, ignore_errors=True)
    return rows, wall, summary


def champion_line(rows, evaluations, direction):
    """best promoted score after each evaluation (index 0 = after the initial program)."""
    better = (lambda a, b: a > b) if direction == "maximize" else (lambda a, b: a < b)
    line, best, k = [], None, 0
    by_seq = {r["seq"]: r for r in rows}
    for seq in range(evaluations):
        r = by_seq.get(seq)
        if r is not None and r.get("promoted") and r.get("score") is not None:
            if best is None or better(r["score"], best):
                best = r["score"]
        line.append(best)
    return line


def first_reaching(line, target, direction):
    for i, v in enumerate(line):
        if v is not None and (v >= target if direction == "maximize" else v <= target):
            return i
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("task")
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--evaluations", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--proposers", default="builtin,hillclimb")
    parser.add_argument("--target", type=float, help="report when each run first reached this score")
    parser.add_argument("--out")
    args = parser.parse_args()
    task = os.path.abspath(args.task if os.path.isdir(args.task) else os.path.join(ROOT, "examples", args.task))
    name = os.path.basename(task)
    direction = "minimize"
    for line in open(os.path.join(task, "ratchet.toml")):
        if line.strip().startswith("direction") and "maximize" in line:
            direction = "maximize"
    seeds = [int(s) for s in args.seeds.split(",")]
    proposers = args.proposers.split(",")
    out = args.out or os.path.join(ROOT, "bench", "out", f"search-{name}.json")
    ensure_cli()
    result = {"task": name, "direction": direction, "evaluations": args.evaluations, "workers": args.workers,
              "machine": {"cpus": os.cpu_count(), "load_before": open("/proc/loadavg").read().split()[0]},
              "runs": []}
    with tempfile.TemporaryDirectory(prefix="ratchet-bench-search-") as scratch:
        for seed in seeds:
            order = proposers if seed % 2 else list(reversed(proposers))
            for proposer in order:
                rows, wall, summary = one_run(task, proposer, seed, args.evaluations, args.workers, scratch)
                line = champion_line(rows, args.evaluations, direction)
                run = {"proposer": proposer, "seed": seed, "wall_seconds": round(wall, 1), "line": line,
                       "best": line[-1], "initial": line[0],
                       "outcomes": summary.get("outcomes"), "cpu_seconds": summary.get("cpu_seconds")}
                if args.target is not None:
                    run["reached_target_at"] = first_reaching(line, args.target, direction)
                result["runs"].append(run)
                print(f"{proposer:10} seed {seed}: best {line[-1]:.6g} (initial {line[0]:.6g}) in {wall:.0f} s", flush=True)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump(result, f)
    checkpoints = sorted({c for c in (10, 50, 100, 300, 1000, 5000, args.evaluations) if c <= args.evaluations})
    print(f"\n{name}: median over seeds {seeds} of the champion's score after N evaluations ({direction})\n")
    print("| proposer | " + " | ".join(f"N={c}" for c in checkpoints) + " | median wall s |" + (" reached target (runs) |" if args.target else ""))
    print("|---|" + "---|" * len(checkpoints) + "---|" + ("---|" if args.target else ""))
    for proposer in proposers:
        runs = [r for r in result["runs"] if r["proposer"] == proposer]
        cells = [f"{statistics.median(r['line'][c - 1] for r in runs):.6g}" for c in checkpoints]
        extra = ""
        if args.target is not None:
            hits = [r["reached_target_at"] for r in runs if r["reached_target_at"] is not None]
            extra = f" {len(hits)}/{len(runs)}" + (f", median at {statistics.median(hits):.0f}" if hits else "") + " |"
        print(f"| {proposer} | " + " | ".join(cells) + f" | {statistics.median(r['wall_seconds'] for r in runs):.0f} |" + extra)
    png = out[:-5] + ".png"
    plot = subprocess.run(["dotnet", "run", "--project", os.path.join(ROOT, "bench", "Ratchet.Bench"), "-c", "Release", "--",
                           "plot-search", out, png], capture_output=True, text=True)
    print(f"\nchart: {png}" if plot.returncode == 0 else f"\nchart failed: {plot.stderr[-1000:]}")


if __name__ == "__main__":
    main()
