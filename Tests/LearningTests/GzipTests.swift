import Foundation
import Learning
import Testing

struct GzipTests {
    /// `printf 'hello, gzip\n' | gzip -n -9`: made by another implementation, not by ours.
    static let helloGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xCB, 0x48,
        0xCD, 0xC9, 0xC9, 0xD7, 0x51, 0x48, 0xAF, 0xCA, 0x2C, 0xE0, 0x02, 0x00,
        0x86, 0x1F, 0x82, 0xA4, 0x0C, 0x00, 0x00, 0x00,
    ]

    @Test func decompressesFileMadeByGzip() throws {
        let data = try Gzip.decompress(Data(Self.helloGzip), path: "hello.gz")
        #expect(String(decoding: data, as: UTF8.self) == "hello, gzip\n")
    }

    /// zlib-wrapped data (Python's `zlib.compress`) is accepted too: windowBits 15 + 32.
    @Test func decompressesZlibFormat() throws {
        let zlib: [UInt8] = [120, 156, 203, 72, 205, 201, 201, 215, 81, 72, 175, 202, 44, 224, 2, 0, 28, 195, 4, 37]
        let data = try Gzip.decompress(Data(zlib), path: "hello.z")
        #expect(String(decoding: data, as: UTF8.self) == "hello, gzip\n")
    }

    @Test(arguments: [0, 1, 1000, 300_000])
    func roundTrip(size: Int) throws {
        var rng = SystemRandomNumberGenerator()
        // Half random, half repetitive, so the output is neither incompressible nor trivial.
        let bytes = (0..<size).map { $0 % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : UInt8($0 % 7) }
        let compressed = try Gzip.compress(Data(bytes))
        #expect(Gzip.isGzip(compressed))
        #expect(try Gzip.decompress(compressed, path: "round-trip.gz") == Data(bytes))
    }

    /// `cat a.gz b.gz` decompresses to the concatenation, as with `gunzip`.
    @Test func multipleMembers() throws {
        let first = try Gzip.compress(Data("first ".utf8))
        let second = try Gzip.compress(Data("second".utf8))
        let joined = try Gzip.decompress(first + second, path: "joined.gz")
        #expect(String(decoding: joined, as: UTF8.self) == "first second")
    }

    /// A stream whose trailer understates the size (here: of the last member only) still
    /// decompresses completely, through the growing buffer.
    @Test func growsPastSizeHint() throws {
        let big = Data(repeating: 42, count: 2_000_000)
        let small = Data(repeating: 7, count: 10)
        let joined = try Gzip.decompress(try Gzip.compress(big) + Gzip.compress(small), path: "hint.gz")
        #expect(joined == big + small)
    }

    @Test func magic() {
        #expect(Gzip.isGzip(Data(Self.helloGzip)))
        #expect(!Gzip.isGzip(Data([0x00, 0x00, 0x08, 0x01])))
        #expect(!Gzip.isGzip(Data([0x1F])))
        #expect(!Gzip.isGzip(Data()))
    }

    @Test func corruptData() {
        var bytes = Self.helloGzip
        bytes[12] ^= 0xFF
        bytes[13] ^= 0xFF
        expectDataError("is not valid gzip data", path: "bad.gz") {
            _ = try Gzip.decompress(Data(bytes), path: "bad.gz")
        }
        expectDataError("is not valid gzip data", path: "noise.gz") {
            _ = try Gzip.decompress(Data([0x1F, 0x8B, 0x99, 0x12, 0x34]), path: "noise.gz")
        }
    }

    @Test func truncatedStream() {
        let cut = Array(Self.helloGzip.prefix(20))
        expectDataError("truncated gzip stream", path: "cut.gz") {
            _ = try Gzip.decompress(Data(cut), path: "cut.gz")
        }
    }

    @Test func trailingGarbage() {
        expectDataError("trailing data after the gzip stream", path: "tail.gz") {
            _ = try Gzip.decompress(Data(Self.helloGzip + [1, 2, 3]), path: "tail.gz")
        }
    }

    @Test func emptyInput() {
        expectDataError("is not valid gzip data: the file is empty", path: "empty.gz") {
            _ = try Gzip.decompress(Data(), path: "empty.gz")
        }
    }
}
