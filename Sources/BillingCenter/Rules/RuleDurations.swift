extension Duration {
    /// Whole days of 86,400 seconds: the rules' windows are fixed lengths on the one timeline
    /// (T-1), never calendar days of a time zone.
    package static func days(_ count: Int64) -> Duration { .seconds(count * 86_400) }
}
