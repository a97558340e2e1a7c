#!/usr/bin/env python3
"""Core benchmarks of issue 2, measured side by side in one run (see bench/RESULTS.md).

1. overhead: per-evaluation cost of `ratchet run` (replay proposer, 1 worker) against a shell loop that runs the
   same run and score commands, each under a plain `bwrap --unshare-all` launch, and against the bare,
   unsandboxed loop. Interleaved rounds, the order flipping every round; medians, and the median of the rounds'
   own differences.
2. workers: speed-up of --workers 2 over --workers 1 for an evaluator that burns 200 ms of CPU, against two
   plain-bwrap loops in parallel over one. At each worker count the loops and Ratchet run back to back (the order
   flips every round), so each round gives a share of its own; reported as the ratio of medians and as the median
   of the rounds' shares.
3. store: `ratchet audit verify` throughput and `ratchet status` latency and peak RSS with 100,000 candidates.

Usage: python3 bench/core/bench_core.py [--evaluations 300] [--rounds 3] [--worker-evaluations 40]
       [--only overhead|workers|store] [--compare-cli OTHER/Ratchet.Cli] [--out bench/out/core.json]
(--compare-cli times another build in the same overhead and workers rounds, alternating which goes first.)
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import CLI as RATCHET, ROOT, UNATTENDED, run_sections, write  # noqa: E402
PLAIN_BWRAP = ["bwrap", "--unshare-all", "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib",
               "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin", "--proc", "/proc", "--dev", "/dev"]


QUIET_POLICY = """preset = "recursive"
[auditors]
reproduce = false
deterministic_check = false
[tripwires]
score_jump_multiple = false
score_jump_relative = false
acceleration_doubling_evaluations = false
violations_count = false
budget_burn_cpu_seconds_per_minute = false
""" + UNATTENDED


def make_task(root, name, run_sh, evaluations):
    """A task whose run and score are tiny shell scripts, so the measurement is all overhead."""
    task = os.path.join(root, name)
    write(os.path.join(task, "run.sh"), run_sh)
    write(os.path.join(task, "score.sh"), 'read v < "$RATCHET_RUN_OUT/value"; echo "{\\"score\\": $v}"\n')
    write(os.path.join(task, "ratchet.toml"), f"""name = "{name}"
[program]
files = ["run.sh"]
[run]
command = ["sh", "run.sh"]
[score]
command = ["sh", "score.sh"]
inputs = ["score.sh"]
[objective]
metric = "score"
direction = "maximize"
[limits]
wall_seconds = 30
cpu_seconds = 30
memory_mb = 256
processes = 32
output_bytes = 65536
""")
    # No human and no re-runs: every proposal here is a would-be champion (VALUE rises), and the comparison is with
    # loops that run and score once; bench/oversight measures what the auditors and tripwires cost.
    write(os.path.join(task, "policy.toml"), QUIET_POLICY)
    replay = os.path.join(root, name + ".jsonl")
    with open(replay, "w") as f:
        for i in range(1, evaluations):
            f.write(json.dumps({"label": f"v{i}", "files": {"run.sh": run_sh.replace("VALUE=0", f"VALUE={i}")}}) + "\n")
    return task, replay


def ratchet_run(task, replay, workers, evaluations, cli=RATCHET):
    state = os.path.join(task, ".ratchet")
    shutil.rmtree(state, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([cli, "run", task, "--proposer", "replay", "--replay", replay, "--workers", str(workers),
                    "--evaluations", str(evaluations), "--json"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def shell_loop(task, evaluations, sandboxed, seconds_per_eval_program):
    """The same run and score commands, from a shell loop, each under a plain bwrap launch (or bare)."""
    out = tempfile.mkdtemp(prefix="ratchet-bench-out-")
    os.chmod(out, 0o777)
    if sandboxed:
        wrap = " ".join(PLAIN_BWRAP) + f" --ro-bind {task} /work --bind {out} /out --chdir /work --setenv RATCHET_OUT /out --setenv RATCHET_RUN_OUT /out "
    else:
        wrap = f"cd {task} && RATCHET_OUT={out} RATCHET_RUN_OUT={out} "
    script = f"for i in $(seq {evaluations}); do {wrap} sh run.sh; {wrap} sh score.sh >/dev/null; done"
    start = time.perf_counter()
    subprocess.run(["sh", "-c", script], check=True)
    elapsed = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    return elapsed


def parallel_loops(task, evaluations, loops):
    procs, outs = [], []
    start = time.perf_counter()
    for _ in range(loops):
        out = tempfile.mkdtemp(prefix="ratchet-bench-out-")
        outs.append(out)
        os.chmod(out, 0o777)
        wrap = " ".join(PLAIN_BWRAP) + f" --ro-bind {task} /work --bind {out} /out --chdir /work --setenv RATCHET_OUT /out --setenv RATCHET_RUN_OUT /out "
        script = f"for i in $(seq {evaluations // loops}); do {wrap} sh run.sh; {wrap} sh score.sh >/dev/null; done"
        procs.append(subprocess.Popen(["sh", "-c", script]))
    for p in procs:
        if p.wait() != 0:
            raise SystemExit(f"a plain bwrap loop failed (exit {p.returncode}): is bwrap installed and working?")
    elapsed = time.perf_counter() - start
    for out in outs:
        shutil.rmtree(out, ignore_errors=True)
    return elapsed


def bench_overhead(root, evaluations, rounds, compare_cli=None):
    run_sh = 'VALUE=0\necho "$VALUE" > "$RATCHET_OUT/value"\n'
    task, replay = make_task(root, "overhead", run_sh, evaluations)
    ratchet_run(task, replay, 1, 5)  # build and warm the CLI
    jobs = [("bare", lambda: shell_loop(task, evaluations, False, 0)),
            ("bwrap", lambda: shell_loop(task, evaluations, True, 0)),
            ("ratchet", lambda: ratchet_run(task, replay, 1, evaluations))]
    if compare_cli:
        jobs.append(("ratchet_compared", lambda: ratchet_run(task, replay, 1, evaluations, compare_cli)))
    rows = {name: [] for name, _ in jobs}
    for i in range(rounds):
        # The order flips every round, so the VM's drift does not always favour the same side.
        for name, run in (jobs if i % 2 == 0 else jobs[::-1]):
            rows[name].append(run() / evaluations * 1000)
    med = {k: statistics.median(v) for k, v in rows.items()}
    result = {
        "compared_cli": compare_cli,
        "evaluations": evaluations,
        "rounds": rounds,
        "ms_per_evaluation": {k: [round(x, 2) for x in v] for k, v in rows.items()},
        "median_ms": {k: round(v, 2) for k, v in med.items()},
        "ratchet_minus_bwrap_ms": round(med["ratchet"] - med["bwrap"], 2),
        "ratchet_over_bwrap": round(med["ratchet"] / med["bwrap"], 3),
        "ratchet_minus_bare_ms": round(med["ratchet"] - med["bare"], 2),
        "ratchet_over_bare": round(med["ratchet"] / med["bare"], 3),
    }
    for name in [n for n, _ in jobs if n.startswith("ratchet")]:
        # Per round: this build against the plain-bwrap loop timed in the same round.
        per_round = [r - b for r, b in zip(rows[name], rows["bwrap"])]
        result[f"{name}_minus_bwrap_ms_per_round"] = [round(x, 2) for x in per_round]
        result[f"{name}_minus_bwrap_ms_median_of_rounds"] = round(statistics.median(per_round), 2)
    return result


def bench_workers(root, evaluations, rounds, compare_cli=None):
    burn = ('VALUE=0\n/usr/bin/python3 -c "import time; t = time.process_time(); '
            'any(time.process_time() - t >= 0.2 for _ in iter(int, 1))"\n'
            'echo "$VALUE" > "$RATCHET_OUT/value"\n')
    task, replay = make_task(root, "workers", burn, evaluations)
    builds = [("ratchet", RATCHET)] + ([("compared", compare_cli)] if compare_cli else [])
    rows = {f"{name}{workers}": [] for name in ["bwrap"] + [b[0] for b in builds] for workers in (1, 2)}
    for i in range(rounds):
        # The plain loops and Ratchet are timed back to back at each worker count, so the VM's drift (its speed moves
        # by up to 1.6x within minutes here) hits both sides of each slowdown ratio alike; the order flips every round.
        jobs = [("bwrap", None)] + builds
        for workers in ((1, 2) if i % 2 == 0 else (2, 1)):
            for name, cli in (jobs if i % 2 == 0 else jobs[::-1]):
                seconds = parallel_loops(task, evaluations, workers) if cli is None else ratchet_run(task, replay, workers, evaluations, cli)
                rows[f"{name}{workers}"].append(seconds)
    med = {k: statistics.median(v) for k, v in rows.items()}
    bare_speedup = med["bwrap1"] / med["bwrap2"]

    def shares(name):
        """Per round: the build's speed-up over the plain loops' speed-up in that round."""
        return [(rows[name + "1"][i] / rows[name + "2"][i]) / (rows["bwrap1"][i] / rows["bwrap2"][i]) for i in range(rounds)]

    result = {
        "evaluations": evaluations,
        "rounds": rounds,
        "seconds": {k: [round(x, 2) for x in v] for k, v in rows.items()},
        "median_seconds": {k: round(v, 2) for k, v in med.items()},
        "bwrap_speedup": round(bare_speedup, 3),
    }
    for name, _ in builds:
        speedup = med[name + "1"] / med[name + "2"]
        prefix = "" if name == "ratchet" else "compared_"
        result[prefix + "speedup" if prefix else "ratchet_speedup"] = round(speedup, 3)
        result[prefix + "speedup_share" if prefix else "ratchet_speedup_share"] = round(speedup / bare_speedup, 3)
        result[f"{name}_share_per_round"] = [round(x, 3) for x in shares(name)]
        result[f"{name}_share_median_of_rounds"] = round(statistics.median(shares(name)), 3)
    if compare_cli:
        result["compared_cli"] = compare_cli
    return result


def timed_child(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    return elapsed, done


def child_peak_rss_mb(args):
    """Peak RSS of one child, read by a small wrapper so earlier children do not mask it."""
    code = ("import resource,subprocess,sys;subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code] + args, stdout=subprocess.PIPE, text=True, check=True).stdout
    return int(out.strip()) / 1024


def bench_store(root, candidates):
    task = os.path.join(root, "store")
    write(os.path.join(task, "ratchet.toml"), 'name = "store"\n[program]\nfiles = ["p.py"]\n[run]\ncommand = ["true"]\n[score]\ncommand = ["true"]\n[objective]\nmetric = "score"\ndirection = "maximize"\n')
    write(os.path.join(task, "p.py"), "x = 1\n")
    home = os.environ.get("RATCHET_HOME") or os.path.join(os.path.expanduser("~"), ".config", "ratchet")
    subprocess.run(["dotnet", "run", "--project", os.path.join(ROOT, "bench", "Ratchet.Bench"), "-c", "Release", "--",
                    "populate", os.path.join(task, ".ratchet"), str(candidates), home], check=True)
    status_times, verify_times = [], []
    events = None
    for _ in range(5):
        t, done = timed_child([RATCHET, "status", task, "--json"])
        assert done.returncode == 0, done.stderr
        status_times.append(t * 1000)
        t, done = timed_child([RATCHET, "audit", "verify", task, "--json"])
        assert done.returncode == 0, done.stdout + done.stderr
        events = json.loads(done.stdout)["events"]
        verify_times.append(t)
    rss_status = child_peak_rss_mb([RATCHET, "status", task, "--json"])
    rss_verify = child_peak_rss_mb([RATCHET, "audit", "verify", task, "--json"])
    verify_median = statistics.median(verify_times)
    return {
        "candidates": candidates,
        "events": events,
        "status_ms": [round(x, 1) for x in status_times],
        "status_median_ms": round(statistics.median(status_times), 1),
        "audit_verify_seconds": [round(x, 3) for x in verify_times],
        "audit_verify_events_per_second": round(events / verify_median),
        "peak_rss_mb": {"status": round(rss_status, 1), "audit_verify": round(rss_verify, 1)},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evaluations", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker-evaluations", type=int, default=40)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--only", choices=["overhead", "workers", "store"], action="append")
    parser.add_argument("--compare-cli", help="another build's Ratchet.Cli, timed in the same overhead and workers rounds (before/after)")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "core.json"))
    args = parser.parse_args()
    sections = {
        "overhead": lambda root: bench_overhead(root, args.evaluations, args.rounds, args.compare_cli),
        "workers": lambda root: bench_workers(root, args.worker_evaluations, args.rounds, args.compare_cli),
        "store": lambda root: bench_store(root, args.candidates),
    }
    only = args.only or list(sections)
    run_sections("ratchet-bench-", args.out, [(name, run) for name, run in sections.items() if name in only])


if __name__ == "__main__":
    main()
