/// The words that introduce the payment mentions written as notes, in the invoice's language (the
/// XML carries text for people as well; the page prints these mentions with its own labels).
struct NoteWords {
    let latePenalty: String
    let recoveryFee: String
    let earlyPayment: String

    init(locale: String) {
        switch locale.prefix(2) {
        case "fr":
            latePenalty = "Pénalités de retard : "
            recoveryFee = "Indemnité forfaitaire pour frais de recouvrement : "
            earlyPayment = "Escompte pour paiement anticipé : "
        case "de":
            latePenalty = "Verzugszinsen: "
            recoveryFee = "Pauschale für Beitreibungskosten: "
            earlyPayment = "Skonto: "
        default:
            latePenalty = "Late-payment penalty: "
            recoveryFee = "Fixed recovery fee: "
            earlyPayment = "Early-payment discount: "
        }
    }
}
