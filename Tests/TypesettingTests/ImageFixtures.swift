import Foundation

/// Small images for tests, as base64 so the test target needs no resources.
enum ImageFixtures {
    /// 168 × 168 JPEG (baseline, quality 85) of a QR code reading "FOLIO JPEG 42", made with zint and PIL.
    static let qrJPEG = decode([
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8LCwkMEQ8SEhEPERETFhwXExQaFRERGCEYGh0d",
        "Hx8fExciJCIeJBweHx7/2wBDAQUFBQcGBw4ICA4eFBEUHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4e",
        "Hh4eHh4eHh7/wAARCACoAKgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUF",
        "BAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVW",
        "V1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi",
        "4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAEC",
        "AxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVm",
        "Z2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq",
        "8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD4yoor9mKAPxnor9mKKAPxnor9mKKAPxnr9mK/Gev2YoA/Gev2Yr8Z6KACv2Yr8Z6KACv2",
        "Yr8Z6/ZigD8Z6KK/ZigD8Z6K/ZiigD8Z6K/ZiigD8Z6KKKACv2Yr8Z6/ZigD8Z6KKKACv2Yr8Z6/ZigD8Z6/Zivxnr9mKAPxnr9m",
        "K/Gev2YoA/Gev2Yr8Z6KAP2Yor8Z6/ZigD8Z6/Zivxnr9mKAPxnooooAK/Zivxnr9mKAPxnooooAK/Zivxnr9mKAPxnor9mKKAPx",
        "nr9mKKKAPxnr9mK/Gev2YoA/Gev2Yor8Z6ACv2Yr8Z6/ZigD8Z6/ZiiigD8Z6/Zivxnr9mKAPxnor9mKKAPxnr9mKKKAPxnooooA",
        "KK/ZiigD8Z6K/ZiigD8Z6K/ZiigD8Z6/ZiiigD8Z6/Zivxnr9mKAPxnr9mK/GeigAr9mKKKAPxnor9mKKAPxnor9mKKAPxnor9mK",
        "KAPxnor9mKKACvxnor9mKAPxnr9mK/Gev2YoA/Gev2Yr8Z6/ZigD8Z6K/ZivxnoA/Ziivxnr9mKAPxnr9mK/GeigD9mKKK/GegAr",
        "9mK/GeigAor9mKKAPxnor9mKKAPxnooooAK/ZivxnooA/ZiiivxnoA/Ziivxnr9mKAPxnr9mKK/GegAr9mKKKACivxnr9mKACvxn",
        "r9mK/GegD9mK/Gev2Yr8Z6AP2Yr8Z6KKAP2Yor8Z6/ZigAor8Z6KAP2Yr8Z6/ZiigD8Z6K/ZiigAr8Z6/ZiigD8Z6/ZiiigAr8Z6",
        "KKACv2Yor8Z6ACv2Yor8Z6ACiv2Yr8Z6ACv2YoooA/Gev2Yor8Z6AP2Yor8Z6KACiiv2YoA/Geiv2YooA/Geiv2YooA/Gev2Yr8Z",
        "6/ZigD8Z6/ZiiigAoor8Z6ACiiigAr9mKK/GegD9mK/GeiigD9mKKK/GegD9mKK/GeigAr9mK/Gev2YoA/GeiiigAr9mK/Gev2Yo",
        "A/Gev2Yr8Z6/ZigD8Z6K/ZiigD8Z6/ZivxnooAK/ZiivxnoAK/ZiivxnoAKK/ZiigD8Z6K/ZivxnoAKK/ZiigD8Z6/Zivxnr9mKA",
        "Pxnor9mKKAPxnr9mKKKAPxnr9mK/Gev2YoA/Geiiv2YoAK/Gev2Yr8Z6AP2Yor8Z6KACv2YoooAK/GeiigD9mKKK/GegAooooAKK",
        "KKACiiigAooooAK/ZiiigAr8Z6KKAP2Yr8Z6KKAP2YooooA/Gev2YoooAK/GeiigAr9mKKKAPxnooooA/9k=",
    ])

    /// 200 × 100 PNG, plain red.
    static let redPNG = decode([
        "iVBORw0KGgoAAAANSUhEUgAAAMgAAABkCAIAAABM5OhcAAABHElEQVR4nO3SQQ3AIADAQEAI/qUgCxNrSJY7BX10nr0HfG29DuCf",
        "jEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgk",
        "jEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgk",
        "jEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgkjEXCWCSMRcJYJIxFwlgk",
        "jEXCWCSMRcJYJIxFwlgkjEXCWCQuIGsBzE7hrJIAAAAASUVORK5CYII=",
    ])

    private static func decode(_ parts: [String]) -> [UInt8] { Array(Data(base64Encoded: parts.joined())!) }
}
