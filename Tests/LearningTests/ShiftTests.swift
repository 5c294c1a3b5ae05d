import Learning
import Testing

@Suite struct ShiftTests {
    /// A 3 × 4 image with distinct pixel values 1…12, row by row.
    let images = LabeledImages(rows: 3, columns: 4, pixels: (1...12).map(UInt8.init), labels: [7])

    @Test func noShiftIsTheImage() {
        #expect(images.image(0, shiftedBy: 0, 0) == Array(images.image(0)))
    }

    @Test func shiftsMovePixelsAndFillWithBackground() {
        // Right by one: each row loses its last pixel and gains a 0 on the left.
        #expect(images.image(0, shiftedBy: 1, 0) == [0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11])
        // Up by one: the first row leaves, a blank row enters at the bottom.
        #expect(images.image(0, shiftedBy: 0, -1) == [5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 0])
        // Left and down.
        #expect(images.image(0, shiftedBy: -2, 1) == [0, 0, 0, 0, 3, 4, 0, 0, 7, 8, 0, 0])
        // Out of the frame entirely.
        #expect(images.image(0, shiftedBy: 4, 0) == [UInt8](repeating: 0, count: 12))
        #expect(images.image(0, shiftedBy: 0, -3) == [UInt8](repeating: 0, count: 12))
        #expect(images.image(0, shiftedBy: -9, 7) == [UInt8](repeating: 0, count: 12))
    }

    @Test func shiftingBackRestoresTheInterior() {
        let there = LabeledImages(rows: 3, columns: 4, pixels: images.image(0, shiftedBy: 1, 1), labels: [7])
        let back = there.image(0, shiftedBy: -1, -1)
        // Everything but the last row and column, which were pushed out, comes back.
        for r in 0..<2 { for c in 0..<3 { #expect(back[r * 4 + c] == images.pixels[r * 4 + c]) } }
    }
}
