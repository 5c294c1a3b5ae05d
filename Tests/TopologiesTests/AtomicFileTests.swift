import Foundation
import Testing
import Topologies

@Suite("Atomic file writes")
struct AtomicFileTests {
    @Test("a write creates the file and leaves no temporary file behind")
    func createsWithoutLeftovers() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("out.txt")
        try AtomicFile.write("hello\n", to: path)
        #expect(try dir.contents() == ["out.txt"])
        #expect(try AtomicFile.readText(path) == "hello\n")
    }

    @Test("a write replaces an existing file, longer or shorter, without leftovers")
    func replaces() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("out.txt")
        try "old contents that are quite a bit longer\n".write(toFile: path, atomically: false, encoding: .utf8)
        try AtomicFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        try AtomicFile.write(Data("newer, and longer than before\n".utf8), to: path)
        #expect(try AtomicFile.readText(path) == "newer, and longer than before\n")
        for i in 0..<20 { try AtomicFile.write("\(i)", to: path) }
        #expect(try AtomicFile.readText(path) == "19")
        #expect(try dir.contents() == ["out.txt"])
    }

    @Test("other files in the directory are untouched")
    func neighboursUntouched() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try AtomicFile.write("a", to: dir.path("a.txt"))
        try AtomicFile.write("b", to: dir.path("b.txt"))
        try AtomicFile.write("a2", to: dir.path("a.txt"))
        #expect(try dir.contents() == ["a.txt", "b.txt"])
        #expect(try AtomicFile.readText(dir.path("b.txt")) == "b")
    }

    @Test("an empty write gives an empty file")
    func emptyWrite() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        try AtomicFile.write("", to: dir.path("e"))
        #expect(try AtomicFile.readText(dir.path("e")) == "")
        #expect(try dir.contents() == ["e"])
    }

    @Test("writing into a missing directory throws FileError naming the path")
    func missingDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("no-such-subdir/out.txt")
        let error = #expect(throws: FileError.self) { try AtomicFile.write("x", to: path) }
        #expect(error?.path == path)
        #expect(error?.message.hasPrefix("cannot write") == true)
        #expect(try dir.contents() == [])
    }

    @Test("writing over a directory fails and leaves no temporary file behind")
    func overDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let target = dir.path("sub")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try AtomicFile.write("keep", to: dir.path("sub/inner.txt"))
        let error = #expect(throws: FileError.self) { try AtomicFile.write("x", to: target) }
        #expect(error?.path == target)
        #expect(error?.message.hasPrefix("cannot write") == true)
        #expect(try dir.contents() == ["sub"])
        #expect(try AtomicFile.readText(dir.path("sub/inner.txt")) == "keep")
    }

    @Test("FileError descriptions")
    func fileErrorDescription() {
        #expect(FileError(path: "a/b.mtx", line: 7, message: "bad").description == "a/b.mtx:7: bad")
        #expect(FileError(path: "a/b.mtx", message: "bad").description == "a/b.mtx: bad")
    }
}
