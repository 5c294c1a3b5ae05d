import ArgumentParser
import Foundation
import PBitCommands
import Testing

/// The repository root, three folders above this file.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A shell line from a fenced code block of the documentation that runs `pbit`.
struct DocumentedCommand {
    var file: String
    var line: Int
    /// The logical line (continuations joined, comment and `$` prompt removed), with
    /// `swift run -c release pbit` and `.build/release/pbit` written as `pbit`.
    var text: String
    /// The arguments of each `pbit` invocation on the line (after `&&`, `;`, `|`, `do`).
    var invocations: [[String]]
    /// Marked `<!-- check-docs: skip ... -->`: parsed here, not run by scripts/check-docs.
    var skipped: Bool
}

/// Finds every documented `pbit` command in README.md and docs/**/*.md.
enum DocumentedCommands {
    static func markdownFiles(root: URL) -> [URL] {
        var files = [root.appendingPathComponent("README.md")]
        let docs = root.appendingPathComponent("docs")
        if let walker = FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "md" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// A marker line above a block: `<!-- check-docs: skip (reason) -->` skips the block;
    /// `<!-- check-docs: skip "pbit bench" "pbit train" (reason) -->` only the lines that
    /// contain one of the quoted texts.
    static func skipRule(_ marker: String) -> ((String) -> Bool)? {
        guard marker.hasPrefix("<!--"), marker.contains("check-docs: skip") else { return nil }
        let quoted = marker.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        if quoted.isEmpty { return { _ in true } }
        return { line in quoted.contains { line.contains($0) } }
    }

    static func extract(markdown: String, file: String) -> [DocumentedCommand] {
        var out: [DocumentedCommand] = []
        let lines = markdown.components(separatedBy: "\n")
        var inBlock = false
        // Blocks with a language (sh, text for help output) hold commands; bare blocks hold
        // program output such as tables, whose rows may start with the word pbit.
        var tagged = false
        var skip: ((String) -> Bool)?
        var lastText = ""
        var pending = "", pendingLine = 0
        for (k, raw) in lines.enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if !inBlock {
                    skip = skipRule(lastText)
                    tagged = !trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces).isEmpty
                }
                inBlock.toggle()
                pending = ""
                continue
            }
            if !trimmed.isEmpty { lastText = trimmed }
            guard inBlock, tagged else { continue }
            if pending.isEmpty { pendingLine = k + 1 }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            let logical = normalize(pending + trimmed)
            pending = ""
            let invocations = pbitInvocations(logical)
            if !invocations.isEmpty {
                out.append(DocumentedCommand(file: file, line: pendingLine, text: logical, invocations: invocations,
                                             skipped: skip?(logical) ?? false))
            }
        }
        return out
    }

    /// Drops a `$ ` prompt and a trailing `# comment`, and writes the ways of starting the
    /// binary as `pbit`.
    static func normalize(_ line: String) -> String {
        var s = line.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("$ ") { s.removeFirst(2) }
        var quote: Character?
        var previous: Character = " "
        for (offset, c) in s.enumerated() {
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" { quote = c } else if c == "#", previous == " " {
                s = String(s.prefix(offset))
                break
            }
            previous = c
        }
        for prefix in ["swift run -c release pbit", ".build/release/pbit", ".build/debug/pbit"] {
            s = s.replacingOccurrences(of: prefix, with: "pbit")
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Shell words, with single and double quotes; `&&`, `||`, `;`, `|` as their own words.
    static func words(_ line: String) -> [String] {
        var out: [String] = [], word = "", quote: Character?, quoted = false
        func flush() { if !word.isEmpty || quoted { out.append(word) }; word = ""; quoted = false }
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; quoted = true
            } else if c == " " || c == "\t" {
                flush()
            } else if c == ";" || c == "|" || c == "&" {
                flush()
                var op = String(c)
                if let next = chars.first, next == c, c != ";" { op.append(next); chars.removeFirst() }
                out.append(op)
            } else {
                word.append(c)
            }
        }
        flush()
        return out
    }

    /// The argument lists of every `pbit` invocation on a line, without redirections.
    static func pbitInvocations(_ line: String) -> [[String]] {
        var segments: [[String]] = [[]]
        for w in words(line) {
            if ["&&", "||", ";", "|", "&"].contains(w) { segments.append([]) } else { segments[segments.count - 1].append(w) }
        }
        var out: [[String]] = []
        for var segment in segments {
            while let first = segment.first, ["do", "then", "time", "!"].contains(first) || (first.contains("=") && !first.hasPrefix("-")) {
                segment.removeFirst()
            }
            guard segment.first == "pbit" else { continue }
            var args: [String] = []
            var dropNext = false
            for w in segment.dropFirst() {
                if dropNext { dropNext = false; continue }
                if [">", ">>", "<", "2>", "2>>", "&>"].contains(w) { dropNext = true; continue }
                if w.hasPrefix(">") || w.hasPrefix("2>") || w.hasPrefix("<") { continue }
                args.append(w)
            }
            out.append(args)
        }
        return out
    }

    static func all(root: URL) throws -> [DocumentedCommand] {
        try markdownFiles(root: root).flatMap { url in
            let relative = String(url.path.dropFirst(root.path.count + 1))
            return extract(markdown: try String(contentsOf: url, encoding: .utf8), file: relative)
        }
    }
}

/// Every `pbit` command shown in README.md and docs/ parses with the real parser, which also
/// runs each command's `validate()`. scripts/check-docs runs them.
@Suite struct DocumentedCommandsTests {
    @Test func extractionHandlesPromptsContinuationsCommentsAndChains() {
        let markdown = """
            text
            <!-- check-docs: skip "pbit train" (long) -->
            ```sh
            $ swift run -c release pbit sample --topology pegasus:6 \\
                --sweeps 10 --json > out.json   # a comment
            scripts/setup && .build/release/pbit topology pegasus 4 | head -3
            pbit train --epochs 60 --output 'my runs/x'
            for f in 1 2; do pbit sample --fixed-point s2.$f --compare-exact; done
            echo "# pbit is not run here"
            ```
            """
        let found = DocumentedCommands.extract(markdown: markdown, file: "x.md")
        #expect(found.map(\.line) == [4, 6, 7, 8])
        #expect(found[0].invocations == [["sample", "--topology", "pegasus:6", "--sweeps", "10", "--json"]])
        #expect(found[0].text == "pbit sample --topology pegasus:6 --sweeps 10 --json > out.json")
        #expect(found[1].invocations == [["topology", "pegasus", "4"]])
        #expect(found[2].invocations == [["train", "--epochs", "60", "--output", "my runs/x"]])
        #expect(found.map(\.skipped) == [false, false, true, false])
        #expect(found[3].invocations == [["sample", "--fixed-point", "s2.$f", "--compare-exact"]])
    }

    @Test func everyDocumentedCommandParses() throws {
        let commands = try DocumentedCommands.all(root: repositoryRoot)
        #expect(commands.count >= 20, "found only \(commands.count) documented commands")
        var failures: [String] = []
        for command in commands {
            for arguments in command.invocations {
                do {
                    _ = try PBitMain.parseAsRoot(arguments)
                } catch {
                    failures.append("\(command.file):\(command.line): pbit \(arguments.joined(separator: " ")): \(PBitMain.message(for: error))")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // scripts/check-docs asks for the list of commands to run: file, line, skip, text.
        if let path = ProcessInfo.processInfo.environment["PBIT_DOCS_COMMANDS"] {
            let rows = commands.map { "\($0.file)\t\($0.line)\t\($0.skipped ? "skip" : "run")\t\($0.text)\n" }
            try rows.joined().write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
