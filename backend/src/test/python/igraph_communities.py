"""igraph's Leiden (objective: modularity) and Louvain (multilevel) on a weighted edge list, for the benchmark.

Run with Debian's own interpreter and package (apt-get install -y python3-igraph):
    /usr/bin/python3 igraph_communities.py EDGES OUT_PREFIX [SEED] [REPEATS] [LEIDEN_ITERATIONS,...] [no-louvain]
EDGES: first line the vertex count n, then one "source target weight" line per undirected edge, vertices 0..n-1.
Writes OUT_PREFIX.leiden<N> per Leiden iteration count N and OUT_PREFIX.louvain (one community number per vertex,
in vertex order) and prints one
line per algorithm: name, seconds of the first run and the median of REPEATS more (default 5; the algorithm alone,
not the file load), igraph's modularity and the community count of the first run (seeded).
LEIDEN_ITERATIONS: comma-separated n_iterations values for Leiden, default 2 (igraph's default); -1 runs until
igraph finds an iteration stable. no-louvain: Leiden only (the benchmark's alternating rounds).
"""
import random
import sys
import time

import igraph


def main():
    edges_file, out_prefix = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    leiden_iterations = [int(i) for i in sys.argv[5].split(",")] if len(sys.argv) > 5 else [2]
    louvain = not (len(sys.argv) > 6 and sys.argv[6] == "no-louvain")
    with open(edges_file) as f:
        n = int(f.readline())
        edges, weights = [], []
        for line in f:
            a, b, w = line.split()
            edges.append((int(a), int(b)))
            weights.append(float(w))
    g = igraph.Graph(n=n, edges=edges, directed=False)
    g.es["weight"] = weights
    # beta (randomness) 0.01 as ours
    runs = [("leiden%d" % it, lambda it=it: g.community_leiden(objective_function="modularity", weights="weight",
                                                                resolution_parameter=1.0, beta=0.01, n_iterations=it))
            for it in leiden_iterations]
    if louvain:
        runs.append(("louvain", lambda: g.community_multilevel(weights="weight")))
    for name, run in runs:
        random.seed(seed)
        seconds = []
        for i in range(1 + repeats):
            t0 = time.perf_counter()
            result = run()
            seconds.append(time.perf_counter() - t0)
            if i == 0:
                clustering = result
        with open(out_prefix + "." + name, "w") as out:
            out.write("\n".join(str(c) for c in clustering.membership))
            out.write("\n")
        later = sorted(seconds[1:]) or seconds
        print(name, "%.6f" % seconds[0], "%.6f" % later[len(later) // 2],
              "%.6f" % g.modularity(clustering.membership, weights="weight"), len(clustering), flush=True)

if __name__ == "__main__":
    main()
