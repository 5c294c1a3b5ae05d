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
