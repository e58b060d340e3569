#!/usr/bin/env python3
"""CPU seconds each resource of a running AppHost spent since a snapshot, from /proc; prints a markdown table.

  cpu-budget.py snapshot > FILE           every process's CPU ticks now (taken before the AppHost starts)
  cpu-budget.py tree PID                  CPU seconds of a process and its descendants, the exited ones included
  cpu-budget.py report RUN_JSON FILE      per resource: utime+stime of its replicas' process trees (children that
                                          exited included) since FILE, so an adopted persistent server counts only
                                          what it spent during this run; the AppHost's own; the machine's other work
"""
import json
import os
import sys

TICKS = os.sysconf("SC_CLK_TCK")


def processes():
    """pid -> (parent pid, own ticks, reaped children's ticks)."""
    stats = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            text = open(f"/proc/{name}/stat").read()
        except OSError:
            continue  # exited while listed
        # The command name is in parentheses and may hold spaces: fields are counted from after its ')'.
        fields = text[text.rindex(")") + 2:].split()
        stats[int(name)] = (int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14]))
    return stats


def machine_busy_ticks():
    fields = [int(f) for f in open("/proc/stat").readline().split()[1:]]
    return sum(fields) - fields[3] - fields[4]


def tree_ticks(stats, root, earlier):
    """Ticks of a process tree since the snapshot `earlier`: what existed then counts from then."""
    children = {}
    for pid, (parent, _, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    pending, ticks = [root], 0
    while pending:
        pid = pending.pop()
        if pid in stats:
            ticks += sum(stats[pid][1:]) - earlier.get(pid, 0)
            pending.extend(children.get(pid, []))
    return ticks


def snapshot():
    json.dump({"machine": machine_busy_ticks(), "pids": {pid: own + reaped for pid, (_, own, reaped) in processes().items()}}, sys.stdout)


def report(run_json, snapshot_file):
    before = json.load(open(snapshot_file))
    earlier = {int(pid): ticks for pid, ticks in before["pids"].items()}
    stats = processes()

    def spent(root):
        return tree_ticks(stats, root, earlier)

    run = json.load(open(run_json))
    rows = []
    for resource in run["resources"]:
        pids = [r["pid"] for r in resource.get("replicas", []) if isinstance(r.get("pid"), int)]
        if pids:
            name = resource["name"] + (f" (×{len(pids)})" if len(pids) > 1 else "")
            rows.append((name, sum(spent(pid) for pid in pids) / TICKS))
    apphost = run["appHostPid"]
    # Its own CPU and its exited children's: run-once resources that finished, the helpers it ran.
    rows.append(("AppHost, with what it ran to completion (run-once resources, setup tools)", (sum(stats[apphost][1:]) - earlier.get(apphost, 0)) / TICKS))
    rows.sort(key=lambda row: -row[1])
    total = sum(seconds for _, seconds in rows)
    machine = (machine_busy_ticks() - before["machine"]) / TICKS
    cores = os.cpu_count()
    print("| process | CPU s | share |")
    print("|---|---:|---:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {100 * seconds / total:.0f} % |")
    print(f"| **the run (every resource + AppHost)** | **{total:.2f}** | 100 % |")
    print(f"| (other processes on the machine) | {max(0.0, machine - total):.2f} | |")
    print()
    print(f"On {cores} cores this CPU alone takes at least {total / cores:.2f} s.")


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot()
    elif sys.argv[1] == "tree":
        print(f"{tree_ticks(processes(), int(sys.argv[2]), {}) / TICKS:.2f}")
    else:
        report(sys.argv[2], sys.argv[3])
