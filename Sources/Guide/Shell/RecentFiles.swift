import Core
import Foundation

/// The newest files of the person's own folders (`FileChoice.folders` under their home), for a
/// file question's numbered list. Only plain files that could be attached are offered: no
/// links (the store refuses them), no hidden or empty files, no folders.
enum RecentFiles {
    static func scan(home: String?, limit: Int = FileChoice.listLimit) -> [RecentFile] {
        guard let home, home.hasPrefix("/") else { return [] }
        var seenFolders: Set<String> = []
        var found: [RecentFile] = []
        for name in FileChoice.folders {
            let folder = home + "/" + name
            // The Japanese and the English Downloads folder are sometimes one folder under two names.
            let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
            guard seenFolders.insert(real).inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for entry in names where !entry.hasPrefix(".") {
                let path = folder + "/" + entry
                var status = stat()
                guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
                      FileChoice.quoted(path) != nil, access(path, R_OK) == 0 else { continue }
                let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec)
                                    + TimeInterval(status.st_mtim.tv_nsec) / 1e9)
                found.append(RecentFile(path: path, name: entry, size: Int64(status.st_size), modified: modified, folder: name))
            }
        }
        // Newest first; the same moment by name, so the numbering never depends on the
        // order the file system lists them in.
        found.sort { $0.modified != $1.modified ? $0.modified > $1.modified : $0.path < $1.path }
        return Array(found.prefix(limit))
    }

    /// Whether a typed path names something, relative paths from `workingDirectory`.
    static func exists(_ typed: String, workingDirectory: String) -> Bool {
        let expanded = (typed as NSString).expandingTildeInPath
        let path = expanded.hasPrefix("/") ? expanded : workingDirectory + "/" + expanded
        return FileManager.default.fileExists(atPath: path)
    }
}
