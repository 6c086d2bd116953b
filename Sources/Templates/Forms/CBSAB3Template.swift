import DocumentModel
import Typesetting

struct CBSAB3Template {
    let declaration: CBSAB3Declaration
    let computation: B3Computation
    let typesetter: Typesetter
    let options: TemplateOptions
    func layout() throws -> DocumentLayout { throw TemplateError(path: "$", reason: "TODO B3") }
}
