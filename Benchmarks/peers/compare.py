#!/usr/bin/env python3
"""Side-by-side comparison of pbit with peer Ising samplers on one exported instance.

Every sampler targets the same distribution

    p(m) ∝ exp(β · (Σ_{i<j} J_ij m_i m_j + Σ_i h_i m_i)),   m_i = ±1,

with pbit's energy E(m) = −(Σ_{i<j} J_ij m_i m_j + Σ_i h_i m_i). D-Wave's and OpenJij's
Ising energy is E = Σ h s + Σ J s s, so they get −h and −J (and then report the same E).

Three phases:
1. convention check: every sampler on a 10-spin model whose mean energy is known by exact
   enumeration (catches a sign or β mistake before anything is timed);
2. speed at β = --beta (default 1): burn-in + sweeps per replica in one call, wall time of
   that call (compilation excluded), flips/ns = nodes × (burn-in + sweeps) × replicas / ns;
3. agreement at β = --check-beta (default 0.25, where chains mix in a few sweeps; at β = 1
   a Gaussian Pegasus spin glass is still relaxing after thousands of sweeps, so no two
   dynamics need agree there): mean energy ± standard error from `--snapshots` states per
   replica taken every sweeps/snapshots sweeps after burn-in, the error from the spread of
   the independent replicas' means; z-score against pbit.

Exit status 1 when a sampler disagrees (|z| ≥ --z-max) in phase 1 or 3.
"""

import argparse
import itertools
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from importlib import metadata

import numpy as np

# --------------------------------------------------------------------------- the model


class Model:
    """J on edges (i < j, 0-based), h on nodes, in pbit's convention."""

    def __init__(self, n, ei, ej, J, h):
        self.n, self.ei, self.ej = n, np.asarray(ei), np.asarray(ej)
        self.J, self.h = np.asarray(J, float), np.asarray(h, float)

    @property
    def edges(self):
        return len(self.J)

    def energy(self, s):
        """E(m) = −(Σ J m_i m_j + Σ h m) for states s of shape (..., n) with entries ±1."""
        s = np.asarray(s, float)
        return -((s[..., self.ei] * s[..., self.ej]) @ self.J + s @ self.h)

    def write(self, directory):
        """Writes J.mtx / h.mtx for `pbit sample --model --bias`."""
        jp, hp = os.path.join(directory, "J.mtx"), os.path.join(directory, "h.mtx")
        with open(jp, "w") as f:
            f.write("%%MatrixMarket matrix coordinate real symmetric\n")
            f.write(f"{self.n} {self.n} {self.edges}\n")
            for i, j, v in zip(self.ei, self.ej, self.J):
                f.write(f"{j + 1} {i + 1} {float(v)!r}\n")
        with open(hp, "w") as f:
            f.write("%%MatrixMarket matrix array real general\n")
            f.write(f"{self.n} 1\n")
            f.writelines(f"{float(v)!r}\n" for v in self.h)
        return jp, hp


def content_lines(path):
    with open(path) as f:
        header = f.readline()
        lines = [l.split() for l in f if l.strip() and not l.startswith("%")]
    return header, lines


def read_model(jpath, hpath):
    header, lines = content_lines(jpath)
    if "coordinate real symmetric" not in header:
        sys.exit(f"{jpath}: expected a Matrix Market coordinate real symmetric file")
    n = int(lines[0][0])
    entries = [(int(a) - 1, int(b) - 1, float(v)) for a, b, v in lines[1:]]
    ei = [min(a, b) for a, b, _ in entries]
    ej = [max(a, b) for a, b, _ in entries]
    J = [v for _, _, v in entries]
    header, lines = content_lines(hpath)
    h = [float(l[0]) for l in lines[1:]]
    if len(h) != n:
        sys.exit(f"{hpath}: {len(h)} biases for {n} nodes")
    order = np.lexsort((ej, ei))
    return Model(n, np.array(ei)[order], np.array(ej)[order], np.array(J)[order], h)


def colour_classes(model, colors_path):
    """Node lists of a proper colouring: from pbit's file, else greedy (networkx)."""
    if colors_path:
        with open(colors_path) as f:
            colors = np.array([int(l) for l in f if l.strip() and not l.startswith("%")])
    else:
        import networkx as nx
        g = nx.Graph(list(zip(model.ei.tolist(), model.ej.tolist())))
        g.add_nodes_from(range(model.n))
        c = nx.coloring.greedy_color(g, strategy="DSATUR")
        colors = np.array([c[i] for i in range(model.n)])
    if len(colors) != model.n or np.any(colors[model.ei] == colors[model.ej]):
        sys.exit(f"{colors_path}: not a proper colouring of the model")
    return [np.flatnonzero(colors == c) for c in np.unique(colors)]


def tiny_model(seed=3, n=10, p=0.5):
    """A dense-ish 10-spin model with Gaussian J and h, and its exact mean energy at β."""
    rng = np.random.default_rng(seed)
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if rng.random() < p]
    ei, ej = zip(*pairs)
    return Model(n, ei, ej, rng.normal(size=len(pairs)), rng.normal(size=n))


def exact_mean_energy(model, beta):
    s = np.array(list(itertools.product([-1, 1], repeat=model.n)))
    e = model.energy(s)
    w = np.exp(-beta * (e - e.min()))
    return float((w * e).sum() / w.sum())


def replica_stats(energies):
    """energies: (replicas, snapshots). Mean, and its standard error from the replicas' means."""
    e = np.asarray(energies, float)
    means = e.mean(axis=1)
    r = len(means)
    if e.size < 2:
        se = float("nan")
    elif r >= 8:
        se = float(means.std(ddof=1) / math.sqrt(r))
    else:
        # Too few replicas for their spread: take the snapshots as independent (they are
        # sweeps/snapshots sweeps apart, many autocorrelation times at the check β).
        se = float(e.std(ddof=1) / math.sqrt(e.size))
    return float(e.mean()), se, e.size


# --------------------------------------------------------------------------- samplers
#
# Each runner: run(model, beta, burn_in, sweeps, snapshots, batch, seed, files) -> dict with
# seconds, cores and energies (replicas × snapshots) — pbit returns its own statistics
# instead. snapshots = 1 is the timed speed phase: one call of burn-in + sweeps, final
# states only. `files` are the model's J.mtx/h.mtx when it came from files (pbit reads them).


class Timer:
    """Wall and CPU seconds of a block; CPU / wall is how many cores it kept busy
    (`children` counts finished child processes instead of this one)."""

    def __init__(self, children=False):
        self.children = children

    def cpu(self):
        if self.children:
            r = resource.getrusage(resource.RUSAGE_CHILDREN)
            return r.ru_utime + r.ru_stime
        return time.process_time()

    def __enter__(self):
        self.w0, self.c0 = time.perf_counter(), self.cpu()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.w0
        self.cores = (self.cpu() - self.c0) / self.wall if self.wall > 0 else float("nan")


class PBit:
    name = "pbit"

    def __init__(self, binary, threads):
        self.binary, self.threads = binary, threads

    def settings(self):
        return (f"colored block Gibbs (heat bath), SIMD replicas, {self.threads} threads; speed phase measures once "
                "per replica (--measure-every = sweeps), as the peers do; flips/ns over pbit's wallSeconds "
                "(kernel tables + sweeps + that measurement), its own flipsPerNanosecond (sweeps only) kept as kernel_flips_per_ns")

    def run(self, model, beta, burn_in, sweeps, snapshots, batch, seed, files=None):
        with tempfile.TemporaryDirectory() as d:
            jp, hp = files or model.write(d)
            cmd = [self.binary, "sample", "--model", jp, "--bias", hp, "--beta", repr(beta),
                   "--burn-in", str(burn_in), "--sweeps", str(sweeps), "--replicas", str(batch),
                   "--seed", str(seed + 1), "--threads", str(self.threads), "--json"]
            if snapshots == 1:
                # Like the peers' speed calls: sweep, and look at the state once at the end.
                cmd += ["--measure-every", str(sweeps)]
            with Timer(children=True) as t:
                out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)}: {out.stderr.strip()}")
        r = json.loads(out.stdout)
        flips = r["nodes"] * (r["burnIn"] + r["sweeps"]) * r["replicas"]
        return dict(flips_per_ns=flips / (r["wallSeconds"] * 1e9), kernel_flips_per_ns=r["flipsPerNanosecond"],
                    seconds=r["wallSeconds"], energy=r["energyMean"],
                    se=r["energyStandardError"], samples=r["replicas"] * r["sweeps"],
                    note=f"τ_int {r['autocorrelationTime']:.1f} sweeps", cores=t.cores)


class Thrml:
    name = "thrml"

    def __init__(self, classes):
        import jax
        self.classes = classes
        self.devices = jax.devices()

    def settings(self):
        return (f"IsingEBM + IsingSamplingProgram, one block per colour ({len(self.classes)} blocks = one sweep), "
                f"jax.vmap over the batch, float32, {self.devices[0].platform}; AOT-compiled before timing")

    def run(self, model, beta, burn_in, sweeps, snapshots, batch, seed, files=None):
        import jax
        import jax.numpy as jnp
        from thrml import Block, SamplingSchedule, SpinNode, sample_states
        from thrml.models import IsingEBM, IsingSamplingProgram, hinton_init

        # The colouring belongs to the big instance; the 10-spin check model gets one block per spin.
        fits = sum(len(c) for c in self.classes) == model.n
        classes = self.classes if fits else [np.array([i]) for i in range(model.n)]
        nodes = [SpinNode() for _ in range(model.n)]
        edges = [(nodes[i], nodes[j]) for i, j in zip(model.ei.tolist(), model.ej.tolist())]
        ebm = IsingEBM(nodes, edges, jnp.asarray(model.h, jnp.float32), jnp.asarray(model.J, jnp.float32),
                       jnp.asarray(beta, jnp.float32))
        blocks = [Block([nodes[i] for i in c]) for c in classes]
        program = IsingSamplingProgram(ebm, blocks, clamped_blocks=[])
        if snapshots == 1:
            schedule = SamplingSchedule(n_warmup=burn_in + sweeps, n_samples=1, steps_per_sample=1)
        else:
            # First snapshot at the end of warm-up, then one every sweeps/snapshots sweeps.
            schedule = SamplingSchedule(n_warmup=burn_in + sweeps // snapshots, n_samples=snapshots,
                                        steps_per_sample=sweeps // snapshots)
        key = jax.random.key(seed)
        k_init, k_run = jax.random.split(key)
        init = hinton_init(k_init, ebm, blocks, (batch,))
        keys = jax.random.split(k_run, batch)
        watch = [Block(nodes)]

        def chains(k, i):
            return sample_states(k, program, schedule, i, [], watch)

        compiled = jax.jit(jax.vmap(chains)).lower(keys, init).compile()
        with Timer() as t:
            states = jax.block_until_ready(compiled(keys, init))
        s = 2 * np.asarray(states[0], np.int8) - 1  # (batch, snapshots, n), True = +1
        return dict(seconds=t.wall, energies=model.energy(s), cores=t.cores)


class DWave:
    def __init__(self, criterion):
        self.criterion = criterion
        self.name = f"dwave-samplers SA ({criterion}, fixed β)"

    def settings(self):
        return (f"SimulatedAnnealingSampler, proposal_acceptance_criteria='{self.criterion}', "
                "beta_schedule_type='custom' with one β, sequential order; single-threaded C++")

    def run(self, model, beta, burn_in, sweeps, snapshots, batch, seed, files=None):
        import dimod
        from dwave.samplers import SimulatedAnnealingSampler

        bqm = dimod.BinaryQuadraticModel.from_ising(
            {i: -v for i, v in enumerate(model.h)},
            {(int(i), int(j)): -v for i, j, v in zip(model.ei, model.ej, model.J)})
        sampler = SimulatedAnnealingSampler()
        rng = np.random.default_rng(seed)
        index = None
        cores = []

        def call(n_sweeps, initial=None):
            nonlocal index
            kw = dict(num_reads=batch, beta_schedule_type="custom", beta_schedule=[beta],
                      num_sweeps_per_beta=n_sweeps, proposal_acceptance_criteria=self.criterion,
                      seed=int(rng.integers(2**31)))
            if initial is not None:
                kw["initial_states"] = (initial, labels)
            with Timer() as t:
                ss = sampler.sample(bqm, **kw)
            cores.append(t.cores)
            dt = t.wall
            rec = ss.record
            if index is None:
                index = np.argsort(np.array(ss.variables))
            states = rec.sample[:, index]
            # dimod's energy of (−h, −J) must be pbit's energy: checks the sign flip.
            if not np.allclose(rec.energy, model.energy(states), atol=1e-6 * model.n):
                raise RuntimeError("dimod energies differ from pbit's convention")
            return dt, rec.sample, states.astype(np.int8)

        labels = list(range(model.n))
        if snapshots == 1:
            dt, _, states = call(burn_in + sweeps)
            return dict(seconds=dt, energies=model.energy(states)[:, None], cores=cores[0])
        seconds, _, current = call(burn_in)
        energies = []
        for _ in range(snapshots):
            dt, _, current = call(sweeps // snapshots, current)
            seconds += dt
            energies.append(model.energy(current))
        return dict(seconds=seconds, energies=np.array(energies).T)


class OpenJij:
    name = "OpenJij SASampler (fixed β)"

    def settings(self):
        return ("SASampler 'single spin flip' (Metropolis, single-threaded) on its CSR sparse graph, schedule [(β, sweeps)]; "
                "no seed passed (a seed would give every read the same start and stream); "
                "agreement phase drives cxxjij directly to take snapshots")

    def run(self, model, beta, burn_in, sweeps, snapshots, batch, seed, files=None):
        import openjij as oj

        h = {i: -float(v) for i, v in enumerate(model.h)}
        J = {(int(i), int(j)): -float(v) for i, j, v in zip(model.ei, model.ej, model.J)}
        sampler = oj.SASampler()
        if snapshots == 1:
            with Timer() as t:
                res = sampler.sample_ising(h, J, schedule=[(beta, burn_in + sweeps)], num_reads=batch)
            dt = t.wall
            order = np.argsort(np.array(res.variables))
            states = np.asarray(res.states)[:, order]
            return dict(seconds=dt, energies=model.energy(states)[:, None], cores=t.cores)
        from openjij import cxxjij
        bqm = oj.model.model.BinaryQuadraticModel(h, J, 0.0, "SPIN", sparse=True)
        graph, _ = bqm.get_cxxjij_ising_graph()
        order = np.argsort(np.array(list(bqm.variables)))
        burn = sampler._convert_validation_schedule([(beta, burn_in)])
        step = sampler._convert_validation_schedule([(beta, sweeps // snapshots)])
        rng = np.random.default_rng(seed)
        energies = np.zeros((batch, snapshots))
        seconds = 0.0
        system = cxxjij.system.make_classical_ising(graph.gen_spin(int(rng.integers(2**31))), graph)
        for r in range(batch):
            system.reset_spins(graph.gen_spin(int(rng.integers(2**31))))
            t0 = time.perf_counter()
            cxxjij.algorithm.Algorithm_SingleSpinFlip_run(system, int(rng.integers(2**31)), burn)
            seconds += time.perf_counter() - t0
            for k in range(snapshots):
                t0 = time.perf_counter()
                cxxjij.algorithm.Algorithm_SingleSpinFlip_run(system, int(rng.integers(2**31)), step)
                seconds += time.perf_counter() - t0
                spins = np.asarray(system.spin)[: model.n][order]
                energies[r, k] = model.energy(spins)
        return dict(seconds=seconds, energies=energies)


# --------------------------------------------------------------------------- driving


def result_row(sampler, batch, beta, burn_in, sweeps, snapshots, model, out):
    if "energies" in out:
        mean, se, n = replica_stats(out["energies"])
        flips = model.n * (burn_in + sweeps) * batch
        return dict(sampler=sampler.name, batch=batch, beta=beta, burn_in=burn_in, sweeps=sweeps,
                    flips_per_ns=flips / (out["seconds"] * 1e9), seconds=out["seconds"],
                    energy=mean, se=se, samples=n, note="", cores=out.get("cores"))
    return dict(sampler=sampler.name, batch=batch, beta=beta, burn_in=burn_in, sweeps=sweeps,
                flips_per_ns=out["flips_per_ns"], kernel_flips_per_ns=out["kernel_flips_per_ns"], seconds=out["seconds"],
                energy=out["energy"], se=out["se"], samples=out["samples"], note=out["note"], cores=out["cores"])


def z_score(a, b):
    d = math.hypot(a["se"], b["se"])
    return (a["energy"] - b["energy"]) / d if d > 0 else float("inf")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def versions():
    v = {"python": platform.python_version()}
    for p in ["thrml", "jax", "jaxlib", "dwave-samplers", "dimod", "dwave-networkx", "networkx", "openjij", "numpy"]:
        try:
            v[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            v[p] = None
    return v


def check_graph(model, topology):
    """The exported graph must be dwave-networkx's, nodes numbered in sorted linear-index order."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import dwave_networkx as dnx
    family, m = topology.split(":")[0], int(topology.split(":")[1])
    if family != "pegasus":
        return f"not checked ({topology})"
    g = dnx.pegasus_graph(m)
    nodes = sorted(g.nodes())
    where = {v: i for i, v in enumerate(nodes)}
    theirs = sorted((min(where[a], where[b]), max(where[a], where[b])) for a, b in g.edges())
    ours = sorted(zip(model.ei.tolist(), model.ej.tolist()))
    if len(nodes) != model.n or theirs != ours:
        sys.exit(f"the exported graph is not dwave_networkx.pegasus_graph({m})")
    return f"identical to dwave_networkx.pegasus_graph({m}) ({model.n} nodes, {model.edges} edges)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="J.mtx exported by pbit sample --export-model")
    ap.add_argument("--bias", required=True, help="h.mtx exported by pbit sample --export-bias")
    ap.add_argument("--colors", help="proper colouring, one colour per line (pbit topology --colors-out)")
    ap.add_argument("--topology", default="pegasus:14", help="checked against dwave-networkx")
    ap.add_argument("--pbit", required=True, help="path of the pbit binary")
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="pbit threads")
    ap.add_argument("--beta", type=float, default=1.0, help="β of the speed phase")
    ap.add_argument("--check-beta", type=float, default=0.25, help="β of the agreement phase")
    ap.add_argument("--burn-in", type=int, default=100)
    ap.add_argument("--sweeps", type=int, default=1000)
    ap.add_argument("--snapshots", type=int, default=10, help="states per replica in the agreement phase")
    ap.add_argument("--pbit-replicas", default="1,64,256")
    ap.add_argument("--thrml-batches", default="1,16,64,256")
    ap.add_argument("--dwave-reads", default="64")
    ap.add_argument("--openjij-reads", default="64")
    ap.add_argument("--pbit-repeats", type=int, default=3, help="repeat pbit's speed rows to show the noise")
    ap.add_argument("--samplers", default="pbit,thrml,dwave-gibbs,dwave-metropolis,openjij")
    ap.add_argument("--z-max", type=float, default=4.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", help="write every row and the settings here")
    args = ap.parse_args()

    ints = lambda s: [int(x) for x in s.split(",") if x]
    model = read_model(args.model, args.bias)
    log(f"model: {model.n} nodes, {model.edges} edges; graph {check_graph(model, args.topology)}")
    classes = colour_classes(model, args.colors)
    wanted = set(args.samplers.split(","))
    runners = []  # (sampler, batches)
    skipped = {}
    runners.append((PBit(args.pbit, args.threads), ints(args.pbit_replicas)))
    if "thrml" in wanted:
        try:
            runners.append((Thrml(classes), ints(args.thrml_batches)))
        except ImportError as e:
            skipped["thrml"] = str(e)
    for crit in ["Gibbs", "Metropolis"]:
        if f"dwave-{crit.lower()}" in wanted:
            try:
                import dwave.samplers  # noqa: F401
                runners.append((DWave(crit), ints(args.dwave_reads)))
            except ImportError as e:
                skipped[f"dwave-{crit.lower()}"] = str(e)
    if "openjij" in wanted:
        try:
            import openjij  # noqa: F401
            runners.append((OpenJij(), ints(args.openjij_reads)))
        except ImportError as e:
            skipped["openjij"] = f"not installed ({e})"
    for k, v in skipped.items():
        log(f"skipping {k}: {v}")

    failures = []

    # 1. Conventions, against exact enumeration.
    tiny = tiny_model()
    exact = exact_mean_energy(tiny, 1.0)
    conventions = []
    log(f"convention check: 10-spin model, exact ⟨E⟩ = {exact:.4f} at β = 1")
    for sampler, _ in runners:
        out = sampler.run(tiny, 1.0, 100, 1000, 50, 64, args.seed)
        row = result_row(sampler, 64, 1.0, 100, 1000, 50, tiny, out)
        z = (row["energy"] - exact) / row["se"]
        conventions.append(dict(sampler=sampler.name, energy=row["energy"], se=row["se"], z=z))
        log(f"  {sampler.name:40s} {row['energy']:.4f} ± {row['se']:.4f}  z = {z:+.2f}")
        if not abs(z) < args.z_max:
            failures.append(f"{sampler.name} misses the exact mean energy of the 10-spin model (z = {z:+.2f})")

    # 2. Speed at β, 3. agreement at the check β, one row per sampler and batch.
    rows = []
    files = (args.model, args.bias)
    for sampler, batches in runners:
        for b in batches:
            repeats = args.pbit_repeats if isinstance(sampler, PBit) else 1
            speed = []
            for k in range(repeats):
                log(f"speed: {sampler.name}, batch {b}, β = {args.beta} ({k + 1}/{repeats}) ...")
                out = sampler.run(model, args.beta, args.burn_in, args.sweeps, 1, b, args.seed + k, files)
                speed.append(result_row(sampler, b, args.beta, args.burn_in, args.sweeps, 1, model, out))
            log(f"check: {sampler.name}, batch {b}, β = {args.check_beta} ...")
            out = sampler.run(model, args.check_beta, args.burn_in, args.sweeps, args.snapshots, b, args.seed + 100,
                              files)
            check = result_row(sampler, b, args.check_beta, args.burn_in, args.sweeps, args.snapshots, model, out)
            fastest = max(speed, key=lambda s: s["flips_per_ns"])
            rows.append(dict(sampler=sampler.name, settings=sampler.settings(), batch=b, speed=speed, check=check,
                             flips_per_ns=fastest["flips_per_ns"], cores=fastest["cores"]))
            log(f"  {rows[-1]['flips_per_ns']:.4f} flips/ns; ⟨E⟩ = {check['energy']:.2f} ± {check['se']:.2f}")

    pbit_rows = [r for r in rows if r["sampler"] == "pbit"]
    best = max(pbit_rows, key=lambda r: r["flips_per_ns"])
    reference = max(pbit_rows, key=lambda r: r["batch"])["check"]  # most samples: smallest error
    for r in rows:
        r["ratio"] = r["flips_per_ns"] / best["flips_per_ns"]
        r["z"] = 0.0 if r["check"] is reference else z_score(r["check"], reference)
        r["agree"] = abs(r["z"]) < args.z_max
        if not r["agree"]:
            failures.append(f"{r['sampler']} (batch {r['batch']}) disagrees with pbit: z = {r['z']:+.2f}")

    # The table.
    print(f"{args.topology}: {model.n} nodes, {model.edges} edges; flips/ns = nodes × (burn-in + sweeps) × batch / "
          f"wall ns of the sampler's call, at β = {args.beta}, "
          f"{args.burn_in} + {args.sweeps} sweeps per replica (best of {args.pbit_repeats} for pbit); "
          f"⟨E⟩ at β = {args.check_beta}, {args.snapshots} snapshots per replica; z against pbit, "
          f"{reference['samples'] // args.sweeps} replicas; cores = CPU / wall seconds of the timed call")
    head = f"{'sampler':38s} {'batch':>6s} {'sweeps':>11s} {'cores':>5s} {'flips/ns':>9s} {'ratio':>8s} {'⟨E⟩ ± SE (β=' + str(args.check_beta) + ')':>24s} {'z':>6s}  agree"
    print(head)
    print("-" * len(head))
    for r in rows:
        c = r["check"]
        e = f"{c['energy']:.2f} ± {c['se']:.2f}"
        z = "   ref" if c is reference else f"{r['z']:+6.2f}"
        agree = "ref" if c is reference else ("yes" if r["agree"] else "NO")
        print(f"{r['sampler']:38s} {r['batch']:6d} {str(args.burn_in) + '+' + str(args.sweeps):>11s} {r['cores']:5.2f} "
              f"{r['flips_per_ns']:9.4f} {r['ratio']:8.4f} {e:>24s} {z}  {agree}")
    if len(pbit_rows) and args.pbit_repeats > 1:
        for r in pbit_rows:
            print(f"pbit {r['batch']} replicas, repeats: " + ", ".join(f"{s['flips_per_ns']:.4f}" for s in r["speed"])
                  + " flips/ns; sweeps only (pbit's flipsPerNanosecond): "
                  + ", ".join(f"{s['kernel_flips_per_ns']:.4f}" for s in r["speed"]))
    for s, v in skipped.items():
        print(f"skipped {s}: {v}")
    for f in failures:
        print(f"DISAGREES: {f}")

    if args.json:
        with open(args.json + ".tmp", "w") as f:
            json.dump(dict(versions=versions(), args=vars(args), conventions=conventions, exact_tiny=exact,
                           rows=rows, skipped=skipped, failures=failures), f, indent=1)
        os.replace(args.json + ".tmp", args.json)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
