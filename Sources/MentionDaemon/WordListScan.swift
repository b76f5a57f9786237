import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Streams a word list (one word a line) through one small reused buffer and yields the hash
/// (`SpellingRepair.hash`) of each line of three or more letters a-z. Debian's lists are 6 MB and
/// are read at every start: a buffer of the whole file cost a page fault every 4 KB, and a `String`
/// a line far more; a line that runs over the buffer's end is carried on in the hash.
struct WordListScan {
    enum Failure: Error { case noSuchFile, unreadable }

    static let chunkSize = 1 << 16

    /// Calls `line` with each plain line's hash, in file order.
    static func hashes(in path: String, chunkSize: Int = chunkSize, _ line: (UInt64) -> Void) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable : .noSuchFile
        }
        defer { close(descriptor) }
        var scan = WordListScan()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable }  // a folder, an I/O error
            if count == 0 { break }
            scan.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), line)
        }
        scan.endLine(line)  // the last line needs no line break
    }

    private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private var hash = basis
    private var length = 0
    private var plain = true  // only a-z so far

    private mutating func consume(_ bytes: UnsafeRawBufferPointer, _ line: (UInt64) -> Void) {
        for byte in bytes {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                endLine(line)
            } else {
                if byte &- UInt8(ascii: "a") > 25 { plain = false }
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                length += 1
            }
        }
    }

    private mutating func endLine(_ line: (UInt64) -> Void) {
        if plain, length >= 3 { line(hash) }
        hash = Self.basis
        length = 0
        plain = true
    }
}
