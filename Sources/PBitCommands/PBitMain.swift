import ArgumentParser

/// The `pbit` command: a thin layer over the library modules.
public struct PBitMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pbit",
        abstract: "Emulate p-bit sparse Ising machines and train sparse deep Boltzmann machines.",
        subcommands: [SampleCommand.self, AnnealCommand.self, TrainCommand.self, EvaluateCommand.self,
                      GenerateCommand.self, RBMCommand.self, BenchCommand.self, TopologyCommand.self,
                      PlotCommand.self])

    public init() {}
}
