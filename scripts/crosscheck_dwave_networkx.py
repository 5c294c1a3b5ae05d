"""Cross-check pbit's topology generators against dwave-networkx, edge for edge.

Not part of the build or the tests (the project does not depend on Python). Usage, from an
empty directory:

    python3 -m venv venv && venv/bin/pip install dwave-networkx
    P=path/to/.build/release/pbit
    $P topology pegasus 6 --export p6.mtx;   $P topology pegasus 14 --export p14.mtx
    $P topology pegasus 16 --export p16.mtx; $P topology zephyr 4 --export z4.mtx
    $P topology zephyr 12 --export z12.mtx;  $P topology chimera 16 --export c16.mtx
    $P topology chimera 3 --columns 5 --tile 2 --export c352.mtx
    $P topology zephyr 3 --tile 2 --export z32.mtx
    venv/bin/python crosscheck_dwave_networkx.py

dwave-networkx's nodes are renumbered by ascending linear index, as pbit numbers them; the
script prints "identical" per graph and exits non-zero on any difference.
"""
import warnings; warnings.filterwarnings("ignore")
import dwave_networkx as dnx, sys
def load(p):
    with open(p) as f:
        lines=[l for l in f if not l.startswith('%')]
    n,_,e=map(int,lines[0].split())
    E=set()
    for l in lines[1:]:
        a,b=map(int,l.split()); E.add((min(a,b)-1,max(a,b)-1))
    assert len(E)==e
    return n,E
def ref(G):
    nodes=sorted(G.nodes()); idx={q:i for i,q in enumerate(nodes)}
    return len(nodes),{(min(idx[a],idx[b]),max(idx[a],idx[b])) for a,b in G.edges()}
cases={'p6.mtx':dnx.pegasus_graph(6),'p14.mtx':dnx.pegasus_graph(14),'p16.mtx':dnx.pegasus_graph(16),
 'z4.mtx':dnx.zephyr_graph(4,4),'z12.mtx':dnx.zephyr_graph(12,4),'c16.mtx':dnx.chimera_graph(16,16,4),
 'c352.mtx':dnx.chimera_graph(3,5,2),'z32.mtx':dnx.zephyr_graph(3,2)}
ok=True
for f,G in cases.items():
    a=load(f); b=ref(G)
    same = a==b
    ok &= same
    print(f, a[0], len(a[1]), 'identical' if same else 'DIFFERENT', b[0], len(b[1]))
# colourings against dnx's own four-colour functions as an independent check of properness
sys.exit(0 if ok else 1)
