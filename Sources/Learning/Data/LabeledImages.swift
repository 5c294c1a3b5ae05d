/// Greyscale images with one class label each: one split of MNIST or Fashion-MNIST, or a
/// part of one.
///
/// The pixels of all images sit in one flat array (`count × rows × columns` bytes, each image
/// row-major, 0 = background, 255 = full ink), as the IDX file stores them, so an image is a
/// cheap slice rather than an array of its own.
public struct LabeledImages: Equatable, Sendable {
    /// The number of images (and labels).
    public let count: Int
    public let rows: Int
    public let columns: Int
    /// `count × rows × columns` bytes, image after image, each row-major.
    public let pixels: [UInt8]
    /// One class per image, 0 to 9.
    public let labels: [UInt8]

    /// Pixels in one image.
    public var pixelsPerImage: Int { rows * columns }

    /// Wraps images and labels; `pixels` must hold `labels.count` images of `rows × columns`.
    public init(rows: Int, columns: Int, pixels: [UInt8], labels: [UInt8]) {
        precondition(rows > 0 && columns > 0, "LabeledImages: rows and columns must be positive")
        precondition(pixels.count == labels.count * rows * columns,
                     "LabeledImages: \(pixels.count) pixels are not \(labels.count) images of \(rows)×\(columns)")
        self.count = labels.count
        self.rows = rows
        self.columns = columns
        self.pixels = pixels
        self.labels = labels
    }

    /// The pixels of image `i` (0-based), row-major. The slice keeps the indices of `pixels`.
    public func image(_ i: Int) -> ArraySlice<UInt8> {
        precondition(i >= 0 && i < count, "LabeledImages: image \(i) is outside 0..<\(count)")
        return pixels[(i * pixelsPerImage)..<((i + 1) * pixelsPerImage)]
    }

    /// The first `n` images (all of them when `n ≥ count`), for quick runs on less data.
    public func prefix(_ n: Int) -> LabeledImages {
        let kept = max(0, min(n, count))
        return LabeledImages(
            rows: rows, columns: columns,
            pixels: Array(pixels[0..<(kept * pixelsPerImage)]), labels: Array(labels[0..<kept]))
    }

    /// The images at `indices`, in that order (repeats allowed), e.g. a shuffled minibatch
    /// or a class-balanced sample. Every index must be in `0..<count`.
    public func subset(_ indices: [Int]) -> LabeledImages {
        var newPixels: [UInt8] = []
        newPixels.reserveCapacity(indices.count * pixelsPerImage)
        var newLabels: [UInt8] = []
        newLabels.reserveCapacity(indices.count)
        for i in indices {
            newPixels.append(contentsOf: image(i))
            newLabels.append(labels[i])
        }
        return LabeledImages(rows: rows, columns: columns, pixels: newPixels, labels: newLabels)
    }
}
