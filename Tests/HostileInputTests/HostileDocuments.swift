import Foundation

/// Small valid documents to build hostile variants from at run time (the big cases are generated,
/// never committed).
enum HostileDocuments {
    /// The committed corpus folder (`Corpus/*.json`, written by `make-corpus.py`).
    static var corpus: URL { Bundle.module.resourceURL!.appendingPathComponent("Corpus") }

    /// One shipment of the base invoice, numbered so that rows differ.
    static func shipment(_ number: Int, description: String = "Transport") -> String {
        #"{"date":"2025-03-03","trackingNumber":"1Z\#(number)","service":"Standard","packages":1,"#
            + #""enteredWeight":{"value":"1","unit":"kg"},"billedWeight":{"value":"1","unit":"kg"},"#
            + #""charges":[{"code":"FRT","description":"\#(description)","publishedAmount":"10.00","vatCategory":"S","vatRate":"20"}]}"#
    }

    /// A French delivery invoice with `shipments` (JSON array elements) and extra top-level members;
    /// its seller's VAT id and due date make it a valid EN 16931 invoice (its Factur-X XML is written).
    static func invoice(shipments: [String] = [shipment(1)], extraMembers: String = "") -> Data {
        var json = #"{"kind":"invoice","locale":"fr-FR","currency":"EUR","family":"delivery-service","type":"invoice","#
        json += #""pdf":{"creationDate":"2025-03-08T06:00:00+01:00"},"number":"F1","issueDate":"2025-03-08","dueDate":"2025-04-07","accountNumber":"A1","#
        json += #""seller":{"name":"Transports Rhône","city":"Lyon","country":"FR","vatId":"FR19812345676"},"billTo":{"name":"Atelier Bleu","city":"Lyon","country":"FR"},"#
        json += #""shipments":["# + shipments.joined(separator: ",") + "]" + extraMembers + "}"
        return Data(json.utf8)
    }

    /// `count` shipments, built without one string per element so 100,000 stay fast in debug.
    static func invoice(shipmentCount count: Int) -> Data {
        var body = ""
        body.reserveCapacity(count * 280)
        for number in 1...count {
            if number > 1 { body += "," }
            body += shipment(number)
        }
        return invoice(shipments: [body])
    }
}
