import Folio
import Testing

/// What `import Folio` puts in scope: `Folio.` resolves to the module only while no type is called
/// `Folio`, and every type the façade's entry points take can be named without another import
/// (this test target does not depend on Templates). One `Money`, `CalendarDate` and `Instant`
/// beside the billing center: RenderCLITests/OneDefinitionTests.
@Suite struct PublicSurfaceTests {
    @Test func theModuleNameQualifiesTheFacade() {
        #expect(String(reflecting: Folio.FolioRenderer.self) == "Folio.FolioRenderer")
        #expect(String(reflecting: Folio.RenderResult.self) == "Folio.RenderResult")
        #expect(String(reflecting: Folio.Money.self) == "DocumentModel.Money")
        #expect(!Folio.FolioRenderer.version.isEmpty)
    }

    @Test func theOptionsOfARenderCanBeNamed() {
        let templates: Folio.TemplateOptions = TemplateOptions(baseDirectory: "/srv/invoices", frenchFormCaptions: true)
        let options = RenderOptions(templates: templates)
        #expect(options.templates.frenchFormCaptions)
        #expect(String(reflecting: TemplateOptions.self) == "Templates.TemplateOptions")
    }
}
