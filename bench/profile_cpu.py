#!/usr/bin/env python3
"""The CPU view of a dotnet-trace thread-time trace (its speedscope export): only the samples in which a thread
was running managed code (leaf CPU_TIME; waits and native code are UNMANAGED_CODE_TIME), and each method's share of
them, inclusive (on the stack) and exclusive (the running frame). Standard library only.
  profile_cpu.py TRACE.speedscope.json [TOP] [GROUPS]
GROUPS=1 adds the shares of the suspects of issue 23: each CPU sample goes to the group of the innermost frame on its
stack that names one (so the groups add up to 100 %), "other" when none does. Time in a system call (a socket's send,
epoll) counts as running: the sampler cannot tell it from CPU work."""
import collections, json, re, sys

SUSPECTS = {
    "socket system calls (send/receive/epoll, kernel time)": ("SocketPal.", "SocketAsyncEngine.EventLoop"),
    "EF Core: query compilation/cache lookup (funcletizer, expression trees, delegates)":
        ("ExpressionTreeFuncletizer", "QueryCompiler.", "CompiledQueryCache", "System.Linq.Expressions", "Reflection.Emit", "ExpressionEqualityComparer"),
    "EF Core: command execution and materialization": ("RelationalCommand", "SingleQueryingEnumerable", "SplitQueryingEnumerable", "ShaperProcessing"),
    "Npgsql (protocol, sockets)": ("Npgsql!",),
    "Mediator behaviours (logging, validation, reference data, transaction, audit, idempotency)":
        ("LoggingBehavior", "ValidationBehavior", "ReferenceDataBehavior", "TransactionBehavior", "AuditBehavior", "IdempotencyBehavior"),
    "FluentValidation": ("FluentValidation!",),
    "System.Text.Json": ("System.Text.Json!",),
    "rate limiting / throttle": ("Throttle", "RateLimit"),
    "localization": ("Localization",),
    "output cache middleware": ("OutputCach",),
    "logging": ("Microsoft.Extensions.Logging", "LoggerMessage"),
    "dependency injection": ("DependencyInjection!",),
    "Kestrel (HTTP/1.1 parsing, sockets)": ("Kestrel",),
    "diagnostics / activities": ("DiagnosticListener", "System.Diagnostics.Activity"),
    "attribute reflection": ("CustomAttribute",),
    "SHA-256 of the token": ("SHA256",),
}

def short(name):
    name = re.sub(r"^[^!]*!", "", name)
    name = re.sub(r"\(.*$", "", name)
    return name[:110]

def main(path, top=25, groups=0):
    d = json.load(open(path))
    frames = [f["name"] for f in d["shared"]["frames"]]
    incl, excl, group = collections.Counter(), collections.Counter(), collections.Counter()
    cpu = everything = 0.0
    for p in d["profiles"]:
        stack, last = [], None
        for e in p["events"]:
            t = e["at"]
            if last is not None and stack:
                w = t - last
                everything += w
                if frames[stack[-1]] == "CPU_TIME":
                    cpu += w
                    names = [frames[i] for i in stack[:-1]]
                    for n in set(short(x) for x in names):
                        incl[n] += w
                    if names:
                        excl[short(names[-1])] += w
                    if groups:
                        found = "other (the rest of ASP.NET Core, thread pool, GC polls, async machinery)"
                        for x in reversed(names):
                            hit = next((g for g, keys in SUSPECTS.items() if any(k in x for k in keys)), None)
                            if hit:
                                found = hit
                                break
                        group[found] += w
            last = t
            if e["type"] == "O":
                stack.append(e["frame"])
            else:
                stack.pop()
    print(f"CPU samples: {100 * cpu / everything:.1f} % of all thread time sampled")
    for title, counter in (("inclusive", incl), ("exclusive", excl)):
        print(f"\ntop {top} by {title} share of CPU:")
        for n, w in counter.most_common(int(top)):
            print(f"  {100 * w / cpu:6.2f} %  {n}")
    if groups:
        print("\nwhere the CPU samples go (innermost suspect on the stack):")
        for g, w in sorted(group.items(), key=lambda x: -x[1]):
            print(f"  {100 * w / cpu:6.2f} %  {g}")

if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:]))
