import CZlib
import Foundation

/// gzip (RFC 1952) decompression and compression through the system zlib.
///
/// The MNIST and Fashion-MNIST files are usually distributed gzip-compressed (`*.gz`), and
/// Debian's `dataset-fashion-mnist` installs them that way, so the loader reads them as they
/// are instead of asking users to unpack them first.
public enum Gzip {
    /// `windowBits` for inflate: 15 (the largest window) + 32 = detect a gzip or zlib header.
    private static let inflateWindowBits: Int32 = 15 + 32
    /// `windowBits` for deflate: 15 + 16 = write a gzip header and trailer, not a zlib one.
    private static let deflateWindowBits: Int32 = 15 + 16

    /// True when `data` starts with the gzip magic bytes `1f 8b`.
    public static func isGzip(_ data: Data) -> Bool {
        guard data.count >= 2 else { return false }
        let start = data.startIndex
        return data[start] == 0x1F && data[start + 1] == 0x8B
    }

    /// Inflates a gzip (or zlib) stream. Several gzip members one after the other (what
    /// `cat a.gz b.gz` makes) decompress to their concatenation, as `gunzip` does.
    ///
    /// - Parameter path: names the file in error messages only.
    /// - Throws: `DataError.file` when the data is corrupt ("is not valid gzip data: ..."),
    ///   ends before the stream does ("truncated gzip stream"), or is followed by bytes that
    ///   are not another gzip member.
    /// The most a file may decompress to (the largest official file is 47 MB).
    public static let maximumOutput = 1 << 30

    public static func decompress(_ data: Data, path: String) throws(DataError) -> Data {
        guard !data.isEmpty else {
            throw .file(path: path, message: "is not valid gzip data: the file is empty")
        }
        guard data.count <= Int(UInt32.max) else {
            throw .file(path: path, message: "is too large to decompress (\(data.count) bytes; the limit is 4 GiB)")
        }
        var stream = z_stream()
        let started = inflateInit2_(&stream, inflateWindowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else {
            throw .file(path: path, message: "cannot decompress: zlib failed to start (error \(started))")
        }
        defer { inflateEnd(&stream) }

        var output = Data(count: initialCapacity(for: data))
        var produced = 0
        let outcome: Result<Void, DataError> = data.withUnsafeBytes { input in
            guard let base = input.baseAddress else {
                return .failure(.file(path: path, message: "is not valid gzip data: the file is empty"))
            }
            let first = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
            stream.next_in = first
            stream.avail_in = uInt(input.count)
            while true {
                if produced == output.count {
                    // A bounded output keeps a tiny "gzip bomb" from taking all memory.
                    guard output.count < maximumOutput else {
                        return .failure(.file(path: path, message: "decompresses to more than \(maximumOutput >> 20) MiB, more than any data set file this reads"))
                    }
                    output.count = min(max(output.count * 2, 1 << 16), maximumOutput)
                }
                let room = min(output.count - produced, Int(UInt32.max))
                let status = output.withUnsafeMutableBytes { out -> Int32 in
                    stream.next_out = out.baseAddress.map { $0.assumingMemoryBound(to: Bytef.self) + produced }
                    stream.avail_out = uInt(room)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += room - Int(stream.avail_out)
                    return status
                }
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    let consumed = input.count - Int(stream.avail_in)
                    if stream.avail_in == 0 { return .success(()) }
                    // Another gzip member may follow; anything else is not part of the stream.
                    if stream.avail_in >= 2 && first[consumed] == 0x1F && first[consumed + 1] == 0x8B {
                        inflateReset(&stream)
                        continue
                    }
                    return .failure(.file(
                        path: path,
                        message: "has \(stream.avail_in) bytes of trailing data after the gzip stream (at byte \(consumed))"))
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(.file(
                        path: path,
                        message: "truncated gzip stream: the compressed data ends early (after \(produced) decompressed bytes)"))
                case Z_DATA_ERROR, Z_NEED_DICT:
                    let reason = stream.msg.map { String(cString: $0) } ?? "corrupt compressed data"
                    return .failure(.file(path: path, message: "is not valid gzip data: \(reason)"))
                case Z_MEM_ERROR:
                    return .failure(.file(path: path, message: "cannot decompress: zlib ran out of memory"))
                default:
                    return .failure(.file(path: path, message: "cannot decompress: zlib error \(status)"))
                }
            }
        }
        if case .failure(let error) = outcome { throw error }
        output.count = produced
        return output
    }

    /// Deflates `data` into a single gzip member (default compression level). The tests use
    /// it to make compressed fixtures; `IDXFile.write(_:to:gzip:)` uses it too.
    public static func compress(_ data: Data) throws(DataError) -> Data {
        guard data.count <= Int(UInt32.max) else {
            throw .zlib(operation: "deflate of more than 4 GiB", code: Z_BUF_ERROR)
        }
        var stream = z_stream()
        let started = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, deflateWindowBits, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else { throw .zlib(operation: "deflateInit2", code: started) }
        defer { deflateEnd(&stream) }

        // deflateBound covers the gzip header and trailer of an initialised stream, so one
        // Z_FINISH call always completes.
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var output = Data(count: bound)
        var input = data  // a mutable copy: zlib's next_in is not declared const
        let status = input.withUnsafeMutableBytes { inBytes -> Int32 in
            output.withUnsafeMutableBytes { outBytes -> Int32 in
                stream.next_in = inBytes.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(inBytes.count)
                stream.next_out = outBytes.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(outBytes.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .zlib(operation: "deflate", code: status) }
        output.count = Int(stream.total_out)
        return output
    }

    /// A first output size: the gzip trailer's ISIZE (uncompressed size mod 2^32) when it is
    /// plausible, so the usual single-member file decompresses without regrowing the buffer.
    private static func initialCapacity(for data: Data) -> Int {
        let fallback = max(data.count * 4, 1 << 16)
        guard isGzip(data), data.count >= 18 else { return fallback }
        let end = data.endIndex
        let isize = Int(data[end - 4]) | Int(data[end - 3]) << 8 | Int(data[end - 2]) << 16 | Int(data[end - 1]) << 24
        // deflate cannot compress better than about 1032:1; a larger claim is not a real ISIZE.
        guard isize > 0, isize / 1032 <= data.count else { return fallback }
        // A little slack lets inflate report the end of the stream in the call that fills it.
        return isize + 64
    }
}
