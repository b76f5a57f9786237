import Foundation

/// A message read back by Python's `email` package (a real, independent mail parser).
public struct ParsedMail: Decodable {
    public struct Part: Decodable {
        public var contentType: String
        public var charset: String?
        public var transferEncoding: String?
        /// The file name of an attachment.
        public var filename: String?
        public var text: String?

        enum CodingKeys: String, CodingKey {
            case charset, text, filename
            case contentType = "content_type"
            case transferEncoding = "transfer_encoding"
        }
    }
    public var headers: [String: HeaderValue]
    public var defects: [String]
    public var parts: [Part]
    public var isMultipart: Bool
    public var contentType: String

    enum CodingKeys: String, CodingKey {
        case headers, defects, parts
        case isMultipart = "is_multipart"
        case contentType = "content_type"
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }.map { $0.value.first }
    }

    public enum HeaderValue: Decodable {
        case one(String)
        case many([String])
        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(String.self) {
                self = .one(value)
            } else {
                self = .many(try container.decode([String].self))
            }
        }
        public var first: String {
            switch self {
            case .one(let value): return value
            case .many(let values): return values.first ?? ""
            }
        }
    }
}

public enum MailReader {
    public static func read(_ file: String) throws -> ParsedMail {
        let output = try run("/usr/bin/env", ["python3", Paths.support("readmail.py"), file])
        return try JSONDecoder().decode(ParsedMail.self, from: output)
    }
}

/// Runs a program and returns its stdout; throws on a non-zero exit.
@discardableResult
public func run(_ executable: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil)
    throws -> Data
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ProcessFailure(
            status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
    return data
}

public struct ProcessFailure: Error, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var description: String { "exit \(status): \(stderr)" }
}
