import BillingCenter
import Folio
import Testing

/// What `import Folio` (and the billing center beside it, as the CLI imports them) puts in scope.
/// The unqualified names below compile only while each is declared once, and `Folio.` resolves to
/// the module only while no type is called `Folio`.
@Suite struct PublicSurfaceTests {
    @Test func valueTypesAreDeclaredOnceInTheDocumentModel() {
        #expect(String(reflecting: Money.self) == "DocumentModel.Money")
        #expect(String(reflecting: Currency.self) == "DocumentModel.Currency")
        #expect(String(reflecting: CalendarDate.self) == "DocumentModel.CalendarDate")
        #expect(String(reflecting: Instant.self) == "DocumentModel.Instant")
        // BillingCenter's durations do not shadow the standard library's.
        #expect(String(reflecting: Duration.self) == "Swift.Duration")
    }

    @Test func theModuleNameQualifiesTheFacade() {
        #expect(String(reflecting: Folio.FolioRenderer.self) == "Folio.FolioRenderer")
        #expect(String(reflecting: Folio.RenderResult.self) == "Folio.RenderResult")
        #expect(String(reflecting: Folio.Money.self) == "DocumentModel.Money")
        #expect(!Folio.FolioRenderer.version.isEmpty)
    }
}
