import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A whole file as bytes, read straight into one array: `Data` and then a copy of it into `[UInt8]`
/// were a third of loading the 3 MB model at every start.
enum FileBytes {
    /// The file's bytes; nil when it cannot be read. A file that is not a regular one (a pipe, a
    /// device, a folder) is read as Foundation reads it.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
            return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 {
                    failed = got < 0
                    break  // end of file: it was cut short meanwhile
                }
                count += got
            }
        }
        return failed ? nil : bytes
    }
}
