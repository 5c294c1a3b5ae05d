/// Parses a topology name as users type it: `pegasus:14`, `zephyr:12` or `zephyr:12:4`,
/// `chimera:16`, `chimera:16:16:4`. Case-insensitive; `p14`, `z12` style short forms too.
public enum TopologySpec {
    public static func parse(_ text: String) throws(TopologyError) -> TopologyFamily {
        let lower = text.lowercased()
        var parts = lower.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        // Short forms: p14, z12, c16.
        if parts.count == 1, let first = lower.first, "pzc".contains(first),
           Int(lower.dropFirst()) != nil {
            parts = [String(first), String(lower.dropFirst())]
        }
        let numbers = parts.dropFirst().map { Int($0) }
        guard !parts.isEmpty, numbers.allSatisfy({ $0 != nil }) else {
            throw .unknown(unknownMessage(text))
        }
        let n = numbers.compactMap { $0 }
        switch (parts[0], n.count) {
        case ("pegasus", 1), ("p", 1): return .pegasus(m: n[0])
        case ("zephyr", 1), ("z", 1): return .zephyr(m: n[0], t: 4)
        case ("zephyr", 2): return .zephyr(m: n[0], t: n[1])
        case ("chimera", 1), ("c", 1): return .chimera(m: n[0], n: n[0], t: 4)
        case ("chimera", 2): return .chimera(m: n[0], n: n[1], t: 4)
        case ("chimera", 3): return .chimera(m: n[0], n: n[1], t: n[2])
        default: throw .unknown(unknownMessage(text))
        }
    }

    static func unknownMessage(_ text: String) -> String {
        "unknown topology '\(text)'; expected pegasus:M, zephyr:M[:T] or chimera:M[:N[:T]] "
            + "(for example pegasus:14)"
    }
}
