import Foundation
import MentionFetch

extension FeedServer {
    /// (path, arrival time) of each request the server saw, in order of arrival; read through
    /// libcurl from the server's `/__log`, which is not itself logged.
    public func arrivals() async throws -> [(path: String, time: Double)] {
        guard
            case .success(.fetched(let log)) = await CurlFetcher().fetch(
                FetchRequest(url: url("__log"), allowPrivate: true)
            ).outcome,
            let requests = try JSONSerialization.jsonObject(with: Data(log.body)) as? [[String: Any]]
        else { return [] }
        return requests.compactMap { request in
            guard let path = request["path"] as? String, let time = request["time"] as? Double else { return nil }
            return (path, time)
        }.sorted { $0.time < $1.time }
    }
}
