import CZlib
import Foundation

/// Minimal PNG encoding of 8-bit greyscale images (zlib does the compression and CRCs).
public enum PNG {
    /// Encodes `pixels` (row-major, `width × height`, 0 = black).
    public static func encode(width: Int, height: Int, pixels: [UInt8]) throws -> Data {
        precondition(pixels.count == width * height, "pixel count")
        var raw = [UInt8]()
        raw.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            raw.append(0)  // filter: none
            raw.append(contentsOf: pixels[(y * width)..<((y + 1) * width)])
        }
        var bound = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(bound))
        let status = compress2(&compressed, &bound, raw, uLong(raw.count), 9)
        guard status == Z_OK else { throw LearningError.invalid("zlib could not compress the image (status \(status))") }
        compressed.removeSubrange(Int(bound)...)
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian: UInt32(width))
        header.append(bigEndian: UInt32(height))
        header.append(contentsOf: [8, 0, 0, 0, 0])  // 8-bit greyscale, deflate, no filter, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", Data(compressed), into: &png)
        chunk("IEND", Data(), into: &png)
        return png
    }

    static func chunk(_ type: String, _ body: Data, into png: inout Data) {
        png.append(bigEndian: UInt32(body.count))
        let typed = Data(type.utf8) + body
        png.append(typed)
        let crc = typed.withUnsafeBytes { p in
            crc32(0, p.bindMemory(to: Bytef.self).baseAddress, uInt(typed.count))
        }
        png.append(bigEndian: UInt32(crc))
    }

    /// Lays out ±1 images (`side × side`, +1 drawn white) in a grid with `columns` per row and
    /// a one-pixel grey border.
    public static func grid(_ images: [[Int8]], side: Int, columns: Int, scale: Int = 2) -> (width: Int, height: Int, pixels: [UInt8]) {
        let cols = max(1, min(columns, images.count))
        let rows = (images.count + cols - 1) / cols
        let cell = side * scale + 1
        let width = cols * cell + 1, height = rows * cell + 1
        var pixels = [UInt8](repeating: 128, count: width * height)
        for (n, image) in images.enumerated() {
            let x0 = (n % cols) * cell + 1, y0 = (n / cols) * cell + 1
            for y in 0..<(side * scale) {
                for x in 0..<(side * scale) {
                    let v = image[(y / scale) * side + x / scale]
                    pixels[(y0 + y) * width + x0 + x] = v > 0 ? 255 : 0
                }
            }
        }
        return (width, height, pixels)
    }
}

extension Data {
    mutating func append(bigEndian v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }
}
