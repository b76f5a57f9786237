import Foundation
@testable import MentionCore

/// The fictional school and staff of ../shared/data/world.yaml as a configuration.
enum WorldFixture {
    static let yaml = """
        school:
          name: Praktijkschool De Zeehoek
          aliases: [De Zeehoek, PrO Zeehoek, Praktijkschool Zeehoek]
          handles: ["@prozeehoek"]
          hashtags: ["#dezeehoek", "#prozeehoek"]
          domains: [zeehoek-pro.nl]
          context: [school, leerling, leerlingen, juf, meester, mentor, klas, les, docent, docenten, leraar, leraren, Westerveen, praktijkschool]
          exclude: [strandpaviljoen, Zandvoort, strand]
        staff:
          - { id: staff-01, name: Marieke Verbeek-Smit, role: mentor }
          - { id: staff-02, name: Jan de Vries, role: docent techniek, common_name: true }
          - { id: staff-03, name: Youssef El Amrani, role: docent lichamelijke opvoeding }
          - { id: staff-04, name: Ingrid van den Berg-Bos, role: directeur }
          - { id: staff-05, name: Sanne Hoekstra, role: coördinator sociale veiligheid }
          - { id: staff-06, name: Dirk-Jan Mulder, role: docent Nederlands, aliases: [DJ Mulder], handles: ["@djmulder"] }
          - { id: staff-07, name: Fatma Yılmaz, role: docent zorg en welzijn, handles: ["@fatma_yilmaz_docent"] }
          - { id: staff-08, name: Pieter Oosterhuis, role: docent groen }
        feeds:
          - { id: regio, url: "https://news.example/rss" }
        alerts:
          to: [mt@zeehoek-pro.example]
          from: mentionwatch@zeehoek-pro.example
        """

    static let config: Config = {
        do { return try ConfigParser.parse(yaml, file: "world.yaml", baseDirectory: "/tmp") }
        catch { fatalError("\(error)") }
    }()
}
