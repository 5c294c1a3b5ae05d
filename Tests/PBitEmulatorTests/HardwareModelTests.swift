import IsingModel
import PBitEmulator
import Testing
import Topologies

/// The hardware knobs: each one departs from ideal arithmetic in a controlled way and
/// approaches the exact answer as it is made more precise.
@Suite struct HardwareModelTests {
    /// Largest error of marginals and edge correlations (only correlations when
    /// `correlationsOnly`: a strong ferromagnet flips between its two ordered states too
    /// rarely for magnetisations to converge in a short test).
    func maxError(_ model: IsingModel, _ exact: ExactDistribution, correlationsOnly: Bool = false,
                  _ adjust: (inout SamplerConfiguration) throws -> Void) throws -> Double {
        var cfg = SamplerConfiguration()
        cfg.replicas = 32
        cfg.sweeps = 1500
        cfg.seed = 77
        try adjust(&cfg)
        let r = try PBitSampler(model: model).run(cfg)
        let measured = correlationsOnly ? r.correlations : r.magnetization + r.correlations
        let expected = correlationsOnly ? exact.correlations : exact.magnetization + exact.correlations
        return zip(measured, expected).map { abs($0 - $1) }.max() ?? 0
    }

    @Test func lookupTableActivationConvergesWithTableSize() throws {
        let model = try TestModels.pegasusPiece(nodes: 12, seed: 4)
        let exact = try ExactDistribution(model: model, beta: 1)
        let coarse = try maxError(model, exact) { $0.hardware.activationTable = try ActivationTable(entries: 4, range: 4) }
        let fine = try maxError(model, exact) { $0.hardware.activationTable = try ActivationTable(entries: 4096, range: 8) }
        #expect(coarse > 0.05, "a 4-entry table should visibly bias the statistics (\(coarse))")
        #expect(fine < 0.04, "a 4096-entry table should be within sampling error (\(fine))")
    }

    @Test func lfsrRandomNumbersGiveExactStatisticsWhenFullyShifted() throws {
        let model = try TestModels.pegasusPiece(nodes: 12, seed: 4)
        let exact = try ExactDistribution(model: model, beta: 1)
        let err = try maxError(model, exact) { $0.hardware.lfsrShifts = 32 }
        #expect(err < 0.04, "\(err)")
    }

    @Test func asynchronousDelayBiasesTheStatisticsMoreAsItGrows() throws {
        let model = try TestModels.strongFerromagnet()
        let exact = try ExactDistribution(model: model, beta: 1)
        let errors = try [0, 1, 4].map { d in
            try maxError(model, exact, correlationsOnly: true) { $0.mode = .asynchronous(delay: d) }
        }
        // Sampling error of these correlations is about 0.005 (32 chains × 1,500 sweeps).
        #expect(errors[0] < 0.015, "zero delay is exact Gibbs: \(errors)")
        #expect(errors[2] > 0.03 && errors[2] > errors[1] && errors[1] > errors[0], "\(errors)")
    }

    @Test func fixedPointQuantisesAndSaturates() throws {
        let f = try FixedPointFormat(parsing: "s2.3")
        #expect(f.step == 0.125)
        #expect(f.maximum == 3.875)
        #expect(f.quantize(0.3) == 0.25)
        #expect(f.quantize(-0.32) == -0.375)
        #expect(f.quantize(100) == 3.875)
        #expect(f.quantize(-100) == -3.875)
        #expect(throws: ModelError.self) { try FixedPointFormat(parsing: "s2") }
        #expect(throws: ModelError.self) { try FixedPointFormat(integerBits: 20, fractionBits: 20) }
    }

    @Test func lookupTableValues() throws {
        let t = try ActivationTable(entries: 8, range: 2)
        // Bins of width 0.5 over [−2, 2]; each holds tanh at its centre.
        #expect(abs(t.tanh(0.1) - _tanh(0.25)) < 1e-12)
        #expect(abs(t.tanh(-0.1) - _tanh(-0.25)) < 1e-12)
        #expect(t.tanh(50) == t.values[7])
        #expect(t.tanh(-50) == t.values[0])
    }

    @Test func emulatedTimeFollowsTheClock() throws {
        let model = try TestModels.pegasusPiece()
        var cfg = SamplerConfiguration()
        cfg.replicas = 2
        cfg.sweeps = 100
        cfg.burnIn = 0
        cfg.hardware.clockHz = 10e6
        let r = try PBitSampler(model: model).run(cfg)
        // N p-bits at clock f make N·f flips per second; 2 replicas × 100 sweeps = 200 periods.
        #expect(abs(r.emulated.flipsPerNanosecond - 16 * 10e6 / 1e9) < 1e-12)
        #expect(abs(r.emulated.seconds - 200 / 10e6) < 1e-15)
        cfg.mode = .sequential(randomOrder: false)
        let s = try PBitSampler(model: model).run(cfg)
        #expect(abs(s.emulated.flipsPerNanosecond - 10e6 / 1e9) < 1e-12)
    }

    @Test func annealingFindsTheGroundStateOfASmallSpinGlass() throws {
        let g = try Topology.make(.pegasus(m: 4)).graph
        let piece = g.induced(by: Array(0..<18))
        let model = try IsingModel.random(on: piece, couplings: .pm1, biases: .pm1, biasScale: 0, seed: 12)
        var best = Double.infinity
        for s in 0..<(1 << 18) {
            let state = (0..<18).map { Int8((s >> $0) & 1 == 1 ? 1 : -1) }
            best = min(best, model.energy(state))
        }
        var cfg = SamplerConfiguration()
        cfg.replicas = 32
        cfg.burnIn = 0
        cfg.sweeps = 400
        cfg.schedule = .geometric(start: 0.1, end: 5)
        cfg.trackLowestEnergy = true
        let r = try PBitSampler(model: model).run(cfg)
        let found = try #require(r.lowestEnergy)
        #expect(found == best)
        let state = try #require(r.lowestState)
        #expect(model.energy(state) == found)
    }

    @Test(arguments: [
        { (c: inout SamplerConfiguration) in c.replicas = 0 },
        { (c: inout SamplerConfiguration) in c.sweeps = 0 },
        { (c: inout SamplerConfiguration) in c.burnIn = -1 },
        { (c: inout SamplerConfiguration) in c.threads = 0 },
        { (c: inout SamplerConfiguration) in c.schedule = .constant(.nan) },
        { (c: inout SamplerConfiguration) in c.schedule = .geometric(start: 0, end: 1) },
        { (c: inout SamplerConfiguration) in c.mode = .asynchronous(delay: .infinity) },
        { (c: inout SamplerConfiguration) in c.hardware.clockHz = 0 },
    ] as [@Sendable (inout SamplerConfiguration) -> Void])
    func invalidConfigurationsAreRejected(_ change: @Sendable (inout SamplerConfiguration) -> Void) throws {
        var cfg = SamplerConfiguration()
        change(&cfg)
        #expect(throws: SamplerError.self) { try PBitSampler(model: TestModels.pegasusPiece()).run(cfg) }
    }
}

private func _tanh(_ x: Double) -> Double { (1 - 2 / (1 + _exp2(2 * x * 1.4426950408889634))) }
private func _exp2(_ x: Double) -> Double { Double(sign: .plus, exponent: 0, significand: 1) * pow2(x) }
private func pow2(_ x: Double) -> Double {
    // 2^x by repeated squaring of e^(x ln 2) through the series; exact enough for a test.
    var term = 1.0, sum = 1.0
    let y = x * 0.6931471805599453
    for k in 1..<60 { term *= y / Double(k); sum += term }
    return sum
}
