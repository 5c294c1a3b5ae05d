extension LabeledImages {
    /// Image `i` moved by `dx` columns right and `dy` rows down (negative: left, up); pixels
    /// shifted in from outside are background (0). A cheap augmentation: handwriting is not
    /// centred the same way by every writer.
    public func image(_ i: Int, shiftedBy dx: Int, _ dy: Int) -> [UInt8] {
        let source = image(i)
        let base = source.startIndex
        var out = [UInt8](repeating: 0, count: pixelsPerImage)
        let (r0, r1) = (max(0, dy), min(rows, rows + dy))
        let (c0, c1) = (max(0, dx), min(columns, columns + dx))
        guard r0 < r1, c0 < c1 else { return out }  // shifted out of the frame
        for r in r0..<r1 {
            for c in c0..<c1 { out[r * columns + c] = source[base + (r - dy) * columns + (c - dx)] }
        }
        return out
    }
}
