#!/usr/bin/env python3
"""Oversight benchmarks of issue 4 (see bench/RESULTS.md).

1. overhead: wall time of a 200-evaluation run whose evaluator burns 100 ms of CPU, under a policy with every
   auditor and tripwire on (the `recursive` preset with approvals off, so no human is needed) against a policy with
   every auditor and tripwire off, and against one with only the auditors that ask for extra sandbox runs on
   (reproduction and the same-seed re-runs). The issue's target leaves those extra runs out (they are reported as
   runs per evaluation), so the overhead it bounds is all-on against runs-only; all-on against all-off is the whole
   cost. Same task (deterministic, with a sealed holdout), same replay proposals (random
   values, so about ln(200) of them promote, as in a real search), runs interleaved; medians of the rounds.
2. kill switch: on a run of evaluations that take 2 s each, 20 rounds of `ratchet pause` then `ratchet resume`,
   then `ratchet stop`, each from a separate process as a user would type it. Effect latency, from the moment the
   command is started: pause and stop, until no sandboxed program of the run is left (in-flight sandboxes killed);
   resume, until a sandboxed program runs again. Also the command's own time (process start to exit).

Usage: python3 bench/oversight/bench_oversight.py [--evaluations 200] [--rounds 3] [--switches 20]
                                                  [--out bench/out/oversight.json]
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from benchlib import CLI, ROOT, UNATTENDED, run_sections, write  # noqa: E402

ALL_ON = """preset = "recursive"
[tripwires]
score_jump_multiple = 1000.0
score_jump_relative = 1000.0
acceleration_doubling_evaluations = 1.0
""" + UNATTENDED

ALL_OFF = """preset = "recursive"
[auditors]
reproduce = false
deterministic_check = false
static_rules = false
[tripwires]
score_jump_multiple = false
score_jump_relative = false
acceleration_doubling_evaluations = false
violations_count = false
budget_burn_cpu_seconds_per_minute = false
protected_touch = false
""" + UNATTENDED

# Only the auditors that ask for extra sandbox runs: the same runs as ALL_ON, none of the other checks.
RUNS_ONLY = ALL_OFF.replace("reproduce = false\ndeterministic_check = false\n", "reproduce = true\ndeterministic_check = true\n")

PROGRAM = """import json, os, time
X = 0.0
t = time.process_time()
while time.process_time() - t < BURN:
    pass
scale = json.load(open("data/x.json"))["scale"]
with open(os.path.join(os.environ["RATCHET_OUT"], "r.json"), "w") as f:
    json.dump({"v": -(X - 3.0) ** 2 * scale}, f)
"""


def make_task(root, name, burn, proposals):
    task = os.path.join(root, name)
    write(os.path.join(task, "ratchet.toml"), f"""name = "{name}"
[program]
files = ["program.py"]
[run]
command = ["/usr/bin/python3", "program.py"]
inputs = ["data/x.json"]
[score]
command = ["/usr/bin/python3", "score.py"]
inputs = ["score.py"]
[holdout]
inputs = {{ "data/x.json" = "sealed/x.json" }}
[objective]
metric = "score"
direction = "maximize"
deterministic = true
[limits]
wall_seconds = 30
cpu_seconds = 30
memory_mb = 256
processes = 32
output_bytes = 65536
""")
    write(os.path.join(task, "score.py"), 'import json, os\nprint(json.dumps({"score": json.load(open(os.path.join(os.environ["RATCHET_RUN_OUT"], "r.json")))["v"]}))\n')
    write(os.path.join(task, "data", "x.json"), '{"scale": 1.0}')
    write(os.path.join(task, "sealed", "x.json"), '{"scale": 1.01}')
    program = PROGRAM.replace("BURN", str(burn))
    write(os.path.join(task, "program.py"), program)
    rng = random.Random(7)
    replay = os.path.join(root, name + ".jsonl")
    with open(replay, "w") as f:
        for i in range(proposals):
            value = round(rng.uniform(-10.0, 16.0), 6)
            f.write(json.dumps({"label": f"x={value}", "files": {"program.py": program.replace("X = 0.0", f"X = {value}")}}) + "\n")
    return task, replay


def run(task, replay, policy_text, evaluations, home):
    shutil.rmtree(os.path.join(task, ".ratchet"), ignore_errors=True)
    policy = os.path.join(os.path.dirname(task), "policy-" + str(abs(hash(policy_text))) + ".toml")
    write(policy, policy_text)
    env = dict(os.environ, RATCHET_HOME=home)
    start = time.perf_counter()
    done = subprocess.run([CLI, "run", task, "--proposer", "replay", "--replay", replay, "--policy", policy, "--workers", "2",
                           "--evaluations", str(evaluations), "--json"], env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ratchet run failed ({done.returncode}): {done.stderr[-2000:]}")
    status = json.loads(subprocess.run([CLI, "status", task, "--json"], env=env, capture_output=True, text=True, check=True).stdout)
    return elapsed, status


def bench_overhead(root, evaluations, rounds, home):
    task, replay = make_task(root, "oversight", 0.1, evaluations)
    run(task, replay, ALL_OFF, 5, home)  # warm the page cache and the sandbox's state folder
    configs = [("all_on", ALL_ON), ("runs_only", RUNS_ONLY), ("all_off", ALL_OFF)]
    rows = {name: [] for name, _ in configs}
    statuses = {}
    for r in range(rounds):
        # Interleaved, each round in another order, so drift on the machine weighs on every column alike.
        for name, policy in configs[r % 3:] + configs[:r % 3]:
            elapsed, status = run(task, replay, policy, evaluations, home)
            rows[name].append(elapsed)
            statuses[name] = {"sandbox_runs": status.get("sandbox_runs"), "oversight": status.get("oversight"),
                              "best": (status.get("best") or {}).get("score"), "state": status.get("state")}
            print(f"{name}: {elapsed:.1f} s", flush=True)
    med = {k: statistics.median(v) for k, v in rows.items()}
    return {"evaluations": evaluations, "evaluator_cpu_ms": 100, "rounds": rounds,
            "seconds": {k: [round(x, 2) for x in v] for k, v in rows.items()},
            "median_seconds": {k: round(v, 2) for k, v in med.items()},
            "overhead_ratio": round(med["all_on"] / med["all_off"], 4),
            # The figure: auditors and tripwires, not counting the extra sandbox runs they ask for.
            "overhead_ratio_without_extra_runs": round(med["all_on"] / med["runs_only"], 4),
            "extra_runs_per_evaluation": round(
                ((statuses["all_on"]["sandbox_runs"] or 0) - (statuses["all_off"]["sandbox_runs"] or 0)) / evaluations, 3),
            "last_run": statuses}


def sandboxed_processes(marker):
    out = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
    return len(out)


def bench_kill_switch(root, switches, home):
    task, replay = make_task(root, "killswitch", 2.0, 400)
    shutil.rmtree(os.path.join(task, ".ratchet"), ignore_errors=True)
    policy = os.path.join(root, "killswitch-policy.toml")
    write(policy, ALL_OFF)
    env = dict(os.environ, RATCHET_HOME=home)
    proc = subprocess.Popen([CLI, "run", task, "--proposer", "replay", "--replay", replay, "--policy", policy, "--workers", "2"],
                            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    command_ms = {"pause": [], "resume": [], "stop": []}
    # effect: pause and stop, until no sandboxed program of the run is left; resume, until one runs again
    effect_ms = {"pause": [], "resume": [], "stop": []}

    def running():
        return sandboxed_processes("program.py") > 0

    def wait_for_work():
        deadline = time.time() + 30
        while not running() and time.time() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)

    def switch(verb):
        t0 = time.time()
        subprocess.run([CLI, verb, task], env=env, check=True, stdout=subprocess.DEVNULL)
        command_ms[verb].append((time.time() - t0) * 1000)
        wanted = verb == "resume"
        while running() != wanted and time.time() - t0 < 10:
            time.sleep(0.005)
        effect_ms[verb].append((time.time() - t0) * 1000)

    try:
        time.sleep(3)
        for _ in range(switches):
            wait_for_work()
            switch("pause")
            time.sleep(0.3)
            switch("resume")
        wait_for_work()
        switch("stop")
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    log = subprocess.run([CLI, "log", task, "--json"], env=env, capture_output=True, text=True, check=True).stdout
    events = [json.loads(line) for line in log.splitlines() if line.strip()]

    def summary(values):
        return {"median": round(statistics.median(values), 1), "max": round(max(values), 1), "n": len(values)} if values else None

    return {
        "switches": switches,
        "command_ms": {k: summary(v) for k, v in command_ms.items()},
        "effect_ms": {k: summary(v) for k, v in effect_ms.items()},
        "effect_ms_all": {k: [round(x, 1) for x in v] for k, v in effect_ms.items()},
        "ledger_events": {t: sum(1 for e in events if e["type"] == t) for t in sorted({e["type"] for e in events})},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--evaluations", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--switches", type=int, default=20)
    parser.add_argument("--only", choices=["overhead", "kill-switch"], action="append")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "oversight.json"))
    args = parser.parse_args()
    sections = {
        "kill_switch": lambda root: bench_kill_switch(root, args.switches, os.path.join(root, "home")),
        "overhead": lambda root: bench_overhead(root, args.evaluations, args.rounds, os.path.join(root, "home")),
    }
    only = [name.replace("-", "_") for name in (args.only or ["kill-switch", "overhead"])]
    run_sections("ratchet-bench-oversight-", args.out, [(name, run) for name, run in sections.items() if name in only])


if __name__ == "__main__":
    main()
