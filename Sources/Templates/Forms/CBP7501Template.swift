import DocumentModel
import Typesetting

struct CBP7501Template {
    let entry: CBP7501Entry
    let computation: CBP7501Computation
    let typesetter: Typesetter
    let options: TemplateOptions
    func layout() throws -> DocumentLayout { throw TemplateError(path: "$", reason: "TODO 7501") }
}
