import Foundation

/// Replaces a file people edit: written beside it, with its owner and mode, then renamed over it.
enum ConfigFileWriter {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func replace(_ path: String, with text: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failed(description: "cannot stat \(path): \(String(cString: strerror(errno)))")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary =
            (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).import\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failed(description: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let ok =
            written == bytes.count && fchmod(descriptor, info.st_mode & 0o7777) == 0
            && (getuid() != 0 || fchown(descriptor, info.st_uid, info.st_gid) == 0) && fsync(descriptor) == 0
        let error = errno
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Failed(description: "cannot write \(path): \(String(cString: strerror(ok ? errno : error)))")
        }
    }
}
