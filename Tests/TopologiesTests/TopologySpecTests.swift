import Testing
import Topologies

/// Parsing topology names as users type them, and the sizes each family rejects.
@Suite("Topology specs and invalid sizes")
struct TopologySpecTests {
    @Test("accepted specs",
          arguments: [
              ("pegasus:14", TopologyFamily.pegasus(m: 14)),
              ("P14", .pegasus(m: 14)),
              ("p6", .pegasus(m: 6)),
              ("Pegasus:16", .pegasus(m: 16)),
              ("zephyr:12", .zephyr(m: 12, t: 4)),
              ("zephyr:12:4", .zephyr(m: 12, t: 4)),
              ("zephyr:3:2", .zephyr(m: 3, t: 2)),
              ("z4", .zephyr(m: 4, t: 4)),
              ("chimera:16", .chimera(m: 16, n: 16, t: 4)),
              ("chimera:16:16:4", .chimera(m: 16, n: 16, t: 4)),
              ("chimera:3:5", .chimera(m: 3, n: 5, t: 4)),
              ("chimera:3:5:2", .chimera(m: 3, n: 5, t: 2)),
              ("C16", .chimera(m: 16, n: 16, t: 4)),
          ])
    func accepted(text: String, expected: TopologyFamily) throws {
        #expect(try TopologySpec.parse(text) == expected)
    }

    @Test("rejected specs name the bad text",
          arguments: ["foo", "pegasus:x", "pegasus:1:2:3", "pegasus", "pegasus:", "zephyr:1:2:3",
                      "chimera:1:2:3:4", "p", "px", "q14", "", "pegasus:14x", "zephyr::4"])
    func rejected(text: String) throws {
        let error = #expect(throws: TopologyError.self) { try TopologySpec.parse(text) }
        let message = error?.description ?? ""
        #expect(message.contains("'\(text)'"))
        #expect(message.contains("expected pegasus:M"))
    }

    @Test("a family's description parses back to the same family",
          arguments: [TopologyFamily.pegasus(m: 14), .zephyr(m: 12, t: 4), .zephyr(m: 3, t: 2),
                      .chimera(m: 16, n: 16, t: 4), .chimera(m: 3, n: 5, t: 2)])
    func descriptionRoundTrip(_ family: TopologyFamily) throws {
        #expect(try TopologySpec.parse(family.description) == family)
    }

    @Test("descriptions")
    func descriptions() {
        #expect(TopologyFamily.pegasus(m: 14).description == "pegasus:14")
        #expect(TopologyFamily.zephyr(m: 12, t: 4).description == "zephyr:12:4")
        #expect(TopologyFamily.chimera(m: 16, n: 16, t: 4).description == "chimera:16:16:4")
    }

    @Test("invalid sizes throw TopologyError with a message",
          arguments: [
              (TopologyFamily.pegasus(m: 1), "Pegasus size m must be between 2 and 64 (got 1)"),
              (.pegasus(m: 0), "Pegasus size m must be between 2 and 64 (got 0)"),
              (.pegasus(m: -3), "Pegasus size m must be between 2 and 64 (got -3)"),
              (.pegasus(m: 65), "Pegasus size m must be between 2 and 64 (got 65)"),
              (.zephyr(m: 4, t: 0), "Zephyr tile size t must be between 1 and 32 (got 0)"),
              (.zephyr(m: 0, t: 4), "Zephyr grid size m must be between 1 and 64 (got 0)"),
              (.chimera(m: 0, n: 0, t: 4), "Chimera sizes m and n must be between 1 and 128 (got 0, 0)"),
              (.chimera(m: 4, n: 0, t: 4), "Chimera sizes m and n must be between 1 and 128 (got 4, 0)"),
              (.chimera(m: 4, n: 4, t: 0), "Chimera tile size t must be between 1 and 32 (got 0)"),
          ])
    func invalidSizes(family: TopologyFamily, message: String) {
        let error = #expect(throws: TopologyError.self) { try Topology.make(family) }
        #expect(error == .invalidSize(message))
        #expect(error?.description == message)
    }

    @Test("a parsed spec with an invalid size fails when built, not when parsed")
    func parsedButInvalid() throws {
        let family = try TopologySpec.parse("pegasus:1")
        #expect(family == .pegasus(m: 1))
        #expect(throws: TopologyError.self) { try Topology.make(family) }
    }
}
