/// The per-document limits of ``RenderOptions`` turned into the paginator's checkpoint: called at
/// every page laid out (the counting pass included), it throws as soon as the document needs more
/// pages than allowed, runs past its deadline, or is cancelled.
struct RenderBudget: Sendable {
    let maximumPages: Int
    let deadline: ContinuousClock.Instant?
    let timeBudget: Duration?
    let cancellation: RenderCancellation?

    /// Starts the clock now.
    init(_ options: RenderOptions) {
        maximumPages = options.maximumPages
        timeBudget = options.timeBudget
        deadline = options.timeBudget.map { ContinuousClock.now.advanced(by: $0) }
        cancellation = options.cancellation
    }

    /// `pageNumber` 0 means before the first page (decoding and building the blocks).
    func check(pageNumber: Int) throws(FolioError) {
        let position = pageNumber == 0 ? "before the first page" : "at page \(pageNumber)"
        if cancellation?.isCancelled == true {
            throw FolioError(kind: .interrupted, issues: [("", "interrupted \(position)")])
        }
        if pageNumber > maximumPages {
            throw FolioError(kind: .invalidDocument, issues: [(
                "$", "the document needs more than \(maximumPages) pages, the limit per document (RenderOptions.maximumPages, render --max-pages)")])
        }
        if let deadline, let timeBudget, ContinuousClock.now > deadline {
            throw FolioError(kind: .invalidDocument, issues: [(
                "$", "rendering took longer than the time budget of \(timeBudget.formattedSeconds) per document (RenderOptions.timeBudget, render --time-budget); stopped \(position)")])
        }
    }

    var checkpoint: @Sendable (Int) throws -> Void {
        { pageNumber in try check(pageNumber: pageNumber) }
    }
}

extension Duration {
    /// "2.5 s", "300 s".
    var formattedSeconds: String {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
    }
}
