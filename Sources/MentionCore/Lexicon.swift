public let lexiconBytes: [UInt8] = PackageResources.lexicon_txt
