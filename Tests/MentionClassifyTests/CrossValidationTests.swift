import Testing

@testable import MentionClassify

/// How posts fall into cross-validation folds (docs/model.md, "Training").
struct CrossValidationTests {
    @Test(arguments: [("ab-0153", "ab"), ("k001", "k"), ("c-0114", "c"), ("0042", "")])
    func aPostsWriterIsTheLettersItsIdStartsWith(id: String, writer: String) {
        #expect(CrossValidation.writer(of: id) == writer)
    }

    @Test func foldsByWriterKeepAWritersPostsTogetherAndFoldsByPostSpreadThem() {
        let ids = (1...200).map { "ab-\($0)" }
        let byWriter = Set(ids.map { CrossValidation.fold(of: CrossValidation.writer(of: $0), folds: 5) })
        let byPost = Set(ids.map { CrossValidation.fold(of: $0, folds: 5) })
        #expect(byWriter.count == 1)
        #expect(byPost.count == 5)
    }
}
