import Foundation
import MentionConfig

/// The fictional school and staff of ../shared/data/world.yaml, as the demo configures them
/// (Sources/mentionwatch/Demo/school.yaml), with one feed.
public enum WorldFixture {
    public static let config: Config = {
        do {
            let school = try String(
                contentsOfFile: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/school.yaml", encoding: .utf8)
            return try ConfigParser.parse(
                school + "feeds: [{ id: regio, url: \"https://news.example/rss\" }]\n", file: "school.yaml",
                baseDirectory: "/tmp")
        } catch {
            fatalError("the demo configuration is invalid: \(error)")
        }
    }()
}
